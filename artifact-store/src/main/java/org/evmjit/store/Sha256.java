package org.evmjit.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 from the JDK: the content hash of records and the digest of fingerprints in keys. */
final class Sha256 {
  static final int BYTES = 32;

  private Sha256() {}

  /** The digest of {@code parts} concatenated, without copying them together first. */
  static byte[] of(byte[]... parts) {
    MessageDigest md = newDigest();
    for (byte[] p : parts) {
      md.update(p);
    }
    return md.digest();
  }

  /** A fresh digest: {@link MessageDigest} is not thread-safe, so none is shared. */
  static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
