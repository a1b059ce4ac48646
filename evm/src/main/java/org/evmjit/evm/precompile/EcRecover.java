package org.evmjit.evm.precompile;

import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.evmjit.evm.crypto.Keccak;

/**
 * 0x01: recovers the signer address of a secp256k1 signature. Input (padded to 128 bytes):
 * hash, v, r, s. v must be 27 or 28 (as a full 32-byte word) and 1 <= r, s < n; there is no
 * low-s rule here. An invalid signature is a success with empty output.
 */
final class EcRecover implements Precompile {
  private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
  private static final BigInteger N = CURVE.getN();
  private static final byte[] EMPTY = new byte[0];

  @Override
  public long gasCost(byte[] input) {
    return LinearGas.ECRECOVER.cost(input);
  }

  @Override
  public byte[] execute(byte[] input) {
    byte[] in = Inputs.padded(input, 128);
    for (int i = 32; i < 63; i++) {
      if (in[i] != 0) {
        return EMPTY;
      }
    }
    int v = in[63] & 0xFF;
    if (v != 27 && v != 28) {
      return EMPTY;
    }
    BigInteger r = new BigInteger(1, in, 64, 32);
    BigInteger s = new BigInteger(1, in, 96, 32);
    if (!inRange(r) || !inRange(s)) {
      return EMPTY;
    }
    byte[] publicKey = recover(new BigInteger(1, in, 0, 32), r, s, v - 27);
    if (publicKey == null) {
      return EMPTY;
    }
    byte[] hash = Keccak.hash(publicKey, 1, 64);
    byte[] out = new byte[32];
    System.arraycopy(hash, 12, out, 12, 20);
    return out;
  }

  private static boolean inRange(BigInteger x) {
    return x.signum() > 0 && x.compareTo(N) < 0;
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
