package org.evmjit.evm.precompile;

import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;

/**
 * 0x100 (Osaka, EIP-7951): verifies an ECDSA signature over secp256r1 (P-256). Input: exactly
 * 160 bytes, the message hash h, r, s and the public key qx, qy (32 bytes each, big-endian).
 * Valid when 0 &lt; r, s &lt; n; qx, qy &lt; p; (qx, qy) on the curve and not (0, 0); and
 * R' = (h * s^-1) G + (r * s^-1) Q is not the point at infinity with R'.x mod n = r. Output: the
 * 32-byte word 1 when valid, empty otherwise. The gas, 6,900, is charged whatever the input.
 *
 * <p>Bouncy Castle's curve ({@code CustomNamedCurves} "secp256r1", its specialised field
 * arithmetic) does the double multiplication; the EIP's checks are written here, in its order, so
 * each rule is visible. Its {@code ECDSASigner} would also fit (same equation, r and s ranges),
 * but it wants an {@code ECPublicKeyParameters}, whose constructor throws on a bad point: the
 * checks would then be split between exceptions and return values.
 */
final class P256Verify implements Precompile {
  static final long GAS = 6_900;
  private static final int INPUT_LENGTH = 160;
  private static final X9ECParameters P256 = CustomNamedCurves.getByName("secp256r1");
  private static final ECCurve CURVE = P256.getCurve();
  private static final BigInteger N = P256.getN();
  private static final BigInteger P = CURVE.getField().getCharacteristic();
  private static final BigInteger A = CURVE.getA().toBigInteger();
  private static final BigInteger B = CURVE.getB().toBigInteger();
  private static final byte[] EMPTY = new byte[0];

  @Override
  public long gasCost(byte[] input) {
    return GAS;
  }

  @Override
  public byte[] execute(byte[] input) {
    return verify(input) ? one() : EMPTY;
  }

  private static boolean verify(byte[] input) {
    if (input.length != INPUT_LENGTH) {
      return false;
    }
    BigInteger h = word(input, 0);
    BigInteger r = word(input, 32);
    BigInteger s = word(input, 64);
    BigInteger qx = word(input, 96);
    BigInteger qy = word(input, 128);
    if (!isScalar(r) || !isScalar(s)) {
      return false;
    }
    if (qx.compareTo(P) >= 0 || qy.compareTo(P) >= 0 || !onCurve(qx, qy)) {
      return false;
    }
    if (qx.signum() == 0 && qy.signum() == 0) {
      return false; // the encoding of infinity (never on this curve, whose b is not zero)
    }
    ECPoint q = CURVE.createPoint(qx, qy);
    BigInteger w = s.modInverse(N);
    BigInteger u1 = h.multiply(w).mod(N);
    BigInteger u2 = r.multiply(w).mod(N);
    ECPoint rPrime = ECAlgorithms.sumOfTwoMultiplies(P256.getG(), u1, q, u2).normalize();
    if (rPrime.isInfinity()) {
      return false;
    }
    return rPrime.getAffineXCoord().toBigInteger().mod(N).equals(r);
  }

  /** 0 &lt; v &lt; n. */
  private static boolean isScalar(BigInteger v) {
    return v.signum() > 0 && v.compareTo(N) < 0;
  }

  /** y^2 = x^3 + a x + b (mod p). */
  private static boolean onCurve(BigInteger x, BigInteger y) {
    BigInteger left = y.multiply(y).mod(P);
    BigInteger right = x.multiply(x).add(A).multiply(x).add(B).mod(P);
    return left.equals(right);
  }

  private static BigInteger word(byte[] input, int offset) {
    return new BigInteger(1, Inputs.slice(input, offset, 32));
  }

  private static byte[] one() {
    byte[] out = new byte[32];
    out[31] = 1;
    return out;
  }
}
