package org.apache.tuweni.bytes;

import org.evmjit.besu.declarations.Absent;

/** Tuweni (io.consensys.tuweni:tuweni-bytes), which Besu's API uses and ships. */
public interface Bytes {
  Bytes EMPTY = Absent.value();

  static Bytes wrap(byte[] value) {
    throw Absent.absent();
  }

  int size();

  byte[] toArrayUnsafe();
}
