package org.hyperledger.besu.datatypes;

import org.apache.tuweni.bytes.Bytes;
import org.evmjit.besu.declarations.Absent;

/** getBytes() is inherited from BytesHolder in Besu. */
public class Address {
  private Address() {
    throw Absent.absent();
  }

  public static Address wrap(Bytes value) {
    throw Absent.absent();
  }

  public final Bytes getBytes() {
    throw Absent.absent();
  }
}
