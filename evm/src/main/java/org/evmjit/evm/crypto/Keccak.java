package org.evmjit.evm.crypto;

import org.bouncycastle.crypto.digests.KeccakDigest;

/** Keccak-256 (the pre-standard SHA-3 that Ethereum uses), from Bouncy Castle. */
public final class Keccak {
  private static final ThreadLocal<KeccakDigest> DIGEST =
      ThreadLocal.withInitial(() -> new KeccakDigest(256));

  /** keccak256 of the empty string: the code hash of an account without code. */
  public static final byte[] EMPTY_HASH = hash(new byte[0]);

  private Keccak() {}

  public static byte[] hash(byte[] data) {
    return hash(data, 0, data.length);
  }

  public static byte[] hash(byte[] data, int offset, int length) {
    KeccakDigest digest = DIGEST.get();
    digest.update(data, offset, length);
    byte[] out = new byte[32];
    digest.doFinal(out, 0);
    return out;
  }
}
