package org.evmjit.evm.precompile.bn254;

import java.math.BigInteger;

/** An element a + b*u of F_p^2 = F_p[u]/(u^2 + 1), immutable. */
public final class Fp2 {
  public static final Fp2 ZERO = new Fp2(Fp.ZERO, Fp.ZERO);
  public static final Fp2 ONE = new Fp2(Fp.ONE, Fp.ZERO);
  /** xi = 9 + u: F_p^6 is F_p^2[v]/(v^3 - xi), and the G2 twist is y^2 = x^3 + 3/xi. */
  public static final Fp2 XI = new Fp2(Fp.of(9), Fp.ONE);

  /** The real part a. */
  public final Fp a;
  /** The imaginary part b (the coefficient of u). */
  public final Fp b;

  public Fp2(Fp a, Fp b) {
    this.a = a;
    this.b = b;
  }

  public boolean isZero() {
    return a.isZero() && b.isZero();
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

  /** Multiplication by xi = 9 + u: (9a - b) + (a + 9b)u. */
  public Fp2 mulByXi() {
    Fp a9 = a.dbl().dbl().dbl().add(a);
    Fp b9 = b.dbl().dbl().dbl().add(b);
    return new Fp2(a9.sub(b), a.add(b9));
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
