package org.apache.tuweni.units.bigints;

import org.apache.tuweni.bytes.Bytes;
import org.evmjit.besu.declarations.Absent;

/** Tuweni (io.consensys.tuweni:tuweni-units); toArrayUnsafe() comes from Bytes32 through UInt256Value. */
public final class UInt256 {
  private UInt256() {
    throw Absent.absent();
  }

  public static UInt256 fromBytes(Bytes bytes) {
    throw Absent.absent();
  }

  public byte[] toArrayUnsafe() {
    throw Absent.absent();
  }
}
