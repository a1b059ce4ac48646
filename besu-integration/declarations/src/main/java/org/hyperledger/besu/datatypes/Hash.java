package org.hyperledger.besu.datatypes;

import org.apache.tuweni.bytes.Bytes;
import org.evmjit.besu.declarations.Absent;

public class Hash {
  private Hash() {
    throw Absent.absent();
  }

  public final Bytes getBytes() {
    throw Absent.absent();
  }
}
