package org.hyperledger.besu.datatypes;

import org.apache.tuweni.bytes.Bytes;
import org.evmjit.besu.declarations.Absent;

public class VersionedHash {
  private VersionedHash() {
    throw Absent.absent();
  }

  public final Bytes getBytes() {
    throw Absent.absent();
  }
}
