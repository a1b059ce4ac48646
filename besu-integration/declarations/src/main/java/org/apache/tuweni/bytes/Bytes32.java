package org.apache.tuweni.bytes;

import org.evmjit.besu.declarations.Absent;

public interface Bytes32 extends Bytes {
  static Bytes32 wrap(byte[] bytes) {
    throw Absent.absent();
  }
}
