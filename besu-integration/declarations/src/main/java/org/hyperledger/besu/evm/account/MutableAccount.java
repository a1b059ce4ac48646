package org.hyperledger.besu.evm.account;

import org.apache.tuweni.units.bigints.UInt256;
import org.evmjit.besu.declarations.Absent;
import org.hyperledger.besu.datatypes.Wei;

public interface MutableAccount extends Account {
  default long incrementNonce() {
    throw Absent.absent();
  }

  default Wei incrementBalance(Wei value) {
    throw Absent.absent();
  }

  default Wei decrementBalance(Wei value) {
    throw Absent.absent();
  }

  void setBalance(Wei value);

  void setStorageValue(UInt256 key, UInt256 value);
}
