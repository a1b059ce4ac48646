package org.hyperledger.besu.datatypes;

import org.apache.tuweni.bytes.Bytes;
import org.evmjit.besu.declarations.Absent;

/** toArrayUnsafe() comes from Tuweni's Bytes32 (through UInt256Value) in Besu. */
public final class Wei {
  public static final Wei ZERO = Absent.value();

  private Wei() {
    throw Absent.absent();
  }

  public static Wei wrap(Bytes value) {
    throw Absent.absent();
  }

  public byte[] toArrayUnsafe() {
    throw Absent.absent();
  }
}
