package org.evmjit.evm.crypto;

import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.evmjit.evm.word.Address;

/**
 * secp256k1 public-key recovery, shared by the ECRECOVER precompile and EIP-7702 authorizations.
 * Callers check the range rules of their own context (ECRECOVER: {@code 0 < r, s < n}; EIP-7702
 * also {@code s <= n/2}).
 */
public final class Secp256k1 {
  private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
  /** The group order n. */
  public static final BigInteger N = CURVE.getN();
  /** n / 2: EIP-2's bound on s (low-s signatures). */
  public static final BigInteger HALF_N = N.shiftRight(1);

  private Secp256k1() {}

  /** True when {@code 0 < x < n}. */
  public static boolean inRange(BigInteger x) {
    return x.signum() > 0 && x.compareTo(N) < 0;
  }

  /**
   * The address whose key signed {@code hash} with (r, s) and y-parity {@code recoveryId}
   * (0 or 1), or null when no key does. {@code r} and {@code s} must be in range.
   */
  public static Address recoverAddress(byte[] hash, BigInteger r, BigInteger s, int recoveryId) {
    byte[] publicKey = recover(new BigInteger(1, hash), r, s, recoveryId);
    if (publicKey == null) {
      return null;
    }
    return Address.fromBytes(Keccak.hash(publicKey, 1, 64), 12);
  }

  /**
   * The uncompressed public key (0x04 || x || y) for which (r, s) signs e, with R the point of
   * x-coordinate r and y-parity {@code recoveryId}; null when there is none.
   */
  private static byte[] recover(BigInteger e, BigInteger r, BigInteger s, int recoveryId) {
    byte[] compressed = new byte[33];
    compressed[0] = (byte) (0x02 | recoveryId);
    byte[] rBytes = r.toByteArray();
    int n = Math.min(rBytes.length, 32);
    System.arraycopy(rBytes, rBytes.length - n, compressed, 33 - n, n);
    ECPoint bigR;
    try {
      bigR = CURVE.getCurve().decodePoint(compressed);
    } catch (IllegalArgumentException notOnCurve) {
      return null;
    }
    // Q = r^-1 (s R - e G)
    BigInteger rInv = r.modInverse(N);
    BigInteger a = e.negate().mod(N).multiply(rInv).mod(N);
    BigInteger b = s.multiply(rInv).mod(N);
    ECPoint q = ECAlgorithms.sumOfTwoMultiplies(CURVE.getG(), a, bigR, b).normalize();
    if (q.isInfinity()) {
      return null;
    }
    return q.getEncoded(false);
  }
}
