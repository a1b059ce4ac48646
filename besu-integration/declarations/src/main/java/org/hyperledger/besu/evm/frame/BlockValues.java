package org.hyperledger.besu.evm.frame;

import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.evmjit.besu.declarations.Absent;
import org.hyperledger.besu.datatypes.Wei;

public interface BlockValues {
  default Bytes getDifficultyBytes() {
    throw Absent.absent();
  }

  default Bytes32 getMixHashOrPrevRandao() {
    throw Absent.absent();
  }

  default Optional<Wei> getBaseFee() {
    throw Absent.absent();
  }

  default long getNumber() {
    throw Absent.absent();
  }

  default long getTimestamp() {
    throw Absent.absent();
  }

  default long getGasLimit() {
    throw Absent.absent();
  }
}
