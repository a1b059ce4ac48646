package org.evmjit.evm.precompile.bls12381;

import java.math.BigInteger;

/**
 * An element a + b*u of F_p^2 = F_p[u]/(u^2 + 1), immutable (EIP-2537: the non-residue is -1).
 */
public final class Fp2 {
  public static final Fp2 ZERO = new Fp2(Fp.ZERO, Fp.ZERO);
  public static final Fp2 ONE = new Fp2(Fp.ONE, Fp.ZERO);
  /** u itself. */
  public static final Fp2 U = new Fp2(Fp.ZERO, Fp.ONE);
  /** xi = 1 + u: F_p^6 is F_p^2[v]/(v^3 - xi), and the G2 twist is y^2 = x^3 + 4 xi. */
  public static final Fp2 XI = new Fp2(Fp.ONE, Fp.ONE);

  private static final BigInteger P_MINUS_3_OVER_4 =
      Fp.MODULUS.subtract(BigInteger.valueOf(3)).shiftRight(2);
  private static final BigInteger P_MINUS_1_OVER_2 = Fp.MODULUS.shiftRight(1);
  private static final Fp2 MINUS_ONE = ONE.neg();

  /** The real part a. */
  public final Fp a;
  /** The imaginary part b (the coefficient of u). */
  public final Fp b;

  public Fp2(Fp a, Fp b) {
    this.a = a;
    this.b = b;
  }

  /** Reads the EIP-2537 encoding a || b (128 bytes) at {@code offset}; null when invalid. */
  public static Fp2 fromBytes(byte[] in, int offset) {
    Fp a = Fp.fromBytes(in, offset);
    Fp b = Fp.fromBytes(in, offset + 64);
    return a == null || b == null ? null : new Fp2(a, b);
  }

  /** Writes the EIP-2537 encoding a || b (128 bytes) at {@code offset}. */
  public void toBytes(byte[] out, int offset) {
    a.toBytes(out, offset);
    b.toBytes(out, offset + 64);
  }

  public boolean isZero() {
    return a.isZero() && b.isZero();
  }

  /** sgn0 of RFC 9380 section 4.1 for m = 2: the parity of a, or of b when a is zero. */
  public int sgn0() {
    int signA = a.sgn0();
    return signA | (a.isZero() ? b.sgn0() : 0);
  }

  public Fp2 add(Fp2 o) {
    return new Fp2(a.add(o.a), b.add(o.b));
  }

  public Fp2 sub(Fp2 o) {
    return new Fp2(a.sub(o.a), b.sub(o.b));
  }

  public Fp2 dbl() {
    return new Fp2(a.dbl(), b.dbl());
  }

  public Fp2 neg() {
    return new Fp2(a.neg(), b.neg());
  }

  /** The conjugate a - b*u, which is also the Frobenius map x^p. */
  public Fp2 conjugate() {
    return new Fp2(a, b.neg());
  }

  /** Karatsuba: three base-field multiplications. */
  public Fp2 mul(Fp2 o) {
    Fp aa = a.mul(o.a);
    Fp bb = b.mul(o.b);
    Fp cross = a.add(b).mul(o.a.add(o.b));
    return new Fp2(aa.sub(bb), cross.sub(aa).sub(bb));
  }

  public Fp2 mul(Fp k) {
    return new Fp2(a.mul(k), b.mul(k));
  }

  /** (a + bu)^2 = (a + b)(a - b) + 2ab*u. */
  public Fp2 square() {
    Fp ab = a.mul(b);
    return new Fp2(a.add(b).mul(a.sub(b)), ab.dbl());
  }

  /** Multiplication by xi = 1 + u: (a - b) + (a + b)u. */
  public Fp2 mulByXi() {
    return new Fp2(a.sub(b), a.add(b));
  }

  /** 1 / (a + bu) = (a - bu) / (a^2 + b^2); the inverse of zero is zero. */
  public Fp2 inverse() {
    Fp norm = a.square().add(b.square());
    Fp inv = norm.inverse();
    return new Fp2(a.mul(inv), b.neg().mul(inv));
  }

  public Fp2 pow(BigInteger exponent) {
    Fp2 result = ONE;
    for (int i = exponent.bitLength() - 1; i >= 0; i--) {
      result = result.square();
      if (exponent.testBit(i)) {
        result = result.mul(this);
      }
    }
    return result;
  }

  /**
   * A square root, or null when this is not a square: algorithm 9 of Adj and
   * Rodriguez-Henriquez, "Square root computation over even extension fields" (p = 3 mod 4).
   */
  public Fp2 sqrt() {
    Fp2 a1 = pow(P_MINUS_3_OVER_4);
    Fp2 alpha = a1.square().mul(this);
    Fp2 x0 = a1.mul(this);
    Fp2 root;
    if (alpha.equals(MINUS_ONE)) {
      root = U.mul(x0);
    } else {
      root = alpha.add(ONE).pow(P_MINUS_1_OVER_2).mul(x0);
    }
    return root.square().equals(this) ? root : null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fp2 f && f.a.equals(a) && f.b.equals(b);
  }

  @Override
  public int hashCode() {
    return a.hashCode() * 31 + b.hashCode();
  }

  @Override
  public String toString() {
    return "(" + a + " + " + b + "*u)";
  }
}
