package org.hyperledger.besu.evm;

import org.apache.tuweni.bytes.Bytes;
import org.evmjit.besu.declarations.Absent;
import org.hyperledger.besu.datatypes.Hash;

public class Code {
  public static final Code EMPTY_CODE = Absent.value();

  public Code(Bytes byteCode) {
    throw Absent.absent();
  }

  public Bytes getBytes() {
    throw Absent.absent();
  }

  public Hash getCodeHash() {
    throw Absent.absent();
  }
}
