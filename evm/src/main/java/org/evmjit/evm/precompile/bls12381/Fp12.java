package org.evmjit.evm.precompile.bls12381;

import java.math.BigInteger;

/**
 * An element c0 + c1*w of F_p^12 = F_p^6[w]/(w^2 - v), immutable. Seen over F_p^2 it is
 * sum(a_i w^i) for i = 0..5 with c0 = a0 + a2 v + a4 v^2 and c1 = a1 + a3 v + a5 v^2 (v = w^2).
 */
public final class Fp12 {
  public static final Fp12 ONE = new Fp12(Fp6.ONE, Fp6.ZERO);

  /**
   * FROBENIUS[k - 1][i] = xi^(i (p^k - 1) / 6) = w^(i (p^k - 1)): raising sum(a_i w^i) to the
   * power p^k maps each a_i w^i to frob^k(a_i) * FROBENIUS[k - 1][i] * w^i.
   */
  private static final Fp2[][] FROBENIUS = new Fp2[3][6];

  static {
    BigInteger p = Fp.MODULUS;
    for (int k = 1; k <= 3; k++) {
      BigInteger e = p.pow(k).subtract(BigInteger.ONE).divide(BigInteger.valueOf(6));
      Fp2 gamma = Fp2.XI.pow(e);
      Fp2 power = Fp2.ONE;
      for (int i = 0; i < 6; i++) {
        FROBENIUS[k - 1][i] = power;
        power = power.mul(gamma);
      }
    }
  }

  public final Fp6 c0;
  public final Fp6 c1;

  public Fp12(Fp6 c0, Fp6 c1) {
    this.c0 = c0;
    this.c1 = c1;
  }

  public boolean isOne() {
    return equals(ONE);
  }

  public Fp12 mul(Fp12 o) {
    Fp6 t0 = c0.mul(o.c0);
    Fp6 t1 = c1.mul(o.c1);
    Fp6 r1 = c0.add(c1).mul(o.c0.add(o.c1)).sub(t0).sub(t1);
    return new Fp12(t0.add(t1.mulByV()), r1);
  }

  /**
   * Multiplication by the sparse element l0 + l2*w^2 + l3*w^3, the shape of a Miller-loop line
   * on the M-type twist (in the tower: c0 = (l0, l2, 0), c1 = (0, l3, 0)).
   */
  public Fp12 mulByLine(Fp2 l0, Fp2 l2, Fp2 l3) {
    Fp6 t0 = c0.mulBy01(l0, l2);
    Fp6 t1 = c1.mulBy1(l3);
    Fp6 r1 = c0.add(c1).mulBy01(l0, l2.add(l3)).sub(t0).sub(t1);
    return new Fp12(t0.add(t1.mulByV()), r1);
  }

  /** Complex squaring: (c0 + c1 w)^2 = (c0 + c1)(c0 + v c1) - t - v t + 2t w, t = c0 c1. */
  public Fp12 square() {
    Fp6 t = c0.mul(c1);
    Fp6 r0 = c0.add(c1).mul(c0.add(c1.mulByV())).sub(t).sub(t.mulByV());
    return new Fp12(r0, t.add(t));
  }

  /**
   * Squaring for elements of the cyclotomic subgroup (norm 1, as after the easy part of the
   * final exponentiation), Granger-Scott style: nine F_p^2 squarings instead of a full square.
   * Seen over F_p^4 = F_p^2[w^3], the element is g0 + g1 w^2 + g2 w^4 with pairs
   * (c0.c0, c1.c1), (c1.c0, c0.c2), (c0.c1, c1.c2), and each pair squares as in F_p^4.
   */
  public Fp12 cyclotomicSquare() {
    Fp2 t0 = c1.c1.square();
    Fp2 t1 = c0.c0.square();
    Fp2 t6 = c1.c1.add(c0.c0).square().sub(t0).sub(t1);
    Fp2 t2 = c0.c2.square();
    Fp2 t3 = c1.c0.square();
    Fp2 t7 = c0.c2.add(c1.c0).square().sub(t2).sub(t3);
    Fp2 t4 = c1.c2.square();
    Fp2 t5 = c0.c1.square();
    Fp2 t8 = c1.c2.add(c0.c1).square().sub(t4).sub(t5).mulByXi();
    t0 = t0.mulByXi().add(t1);
    t2 = t2.mulByXi().add(t3);
    t4 = t4.mulByXi().add(t5);
    return new Fp12(
        new Fp6(
            t0.sub(c0.c0).dbl().add(t0),
            t2.sub(c0.c1).dbl().add(t2),
            t4.sub(c0.c2).dbl().add(t4)),
        new Fp6(
            t8.add(c1.c0).dbl().add(t8),
            t6.add(c1.c1).dbl().add(t6),
            t7.add(c1.c2).dbl().add(t7)));
  }

  /** c0 - c1 w, which is x^(p^6); the inverse for elements of norm 1 (the cyclotomic group). */
  public Fp12 conjugate() {
    return new Fp12(c0, c1.neg());
  }

  public Fp12 inverse() {
    Fp6 norm = c0.square().sub(c1.square().mulByV());
    Fp6 inv = norm.inverse();
    return new Fp12(c0.mul(inv), c1.neg().mul(inv));
  }

  /** x^(p^k) for k = 1, 2 or 3. */
  public Fp12 frobenius(int k) {
    Fp2[] g = FROBENIUS[k - 1];
    boolean conj = (k & 1) == 1;
    return new Fp12(
        new Fp6(frob(c0.c0, conj), frob(c0.c1, conj).mul(g[2]), frob(c0.c2, conj).mul(g[4])),
        new Fp6(
            frob(c1.c0, conj).mul(g[1]),
            frob(c1.c1, conj).mul(g[3]),
            frob(c1.c2, conj).mul(g[5])));
  }

  /** Square-and-multiply; a negative exponent is not allowed. */
  public Fp12 pow(BigInteger exponent) {
    Fp12 result = ONE;
    for (int i = exponent.bitLength() - 1; i >= 0; i--) {
      result = result.square();
      if (exponent.testBit(i)) {
        result = result.mul(this);
      }
    }
    return result;
  }

  /** x^e for x in the cyclotomic subgroup and e >= 0, with cyclotomic squarings. */
  public Fp12 cyclotomicPow(BigInteger exponent) {
    Fp12 result = ONE;
    for (int i = exponent.bitLength() - 1; i >= 0; i--) {
      result = result.cyclotomicSquare();
      if (exponent.testBit(i)) {
        result = result.mul(this);
      }
    }
    return result;
  }

  private static Fp2 frob(Fp2 x, boolean conj) {
    return conj ? x.conjugate() : x;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fp12 f && f.c0.equals(c0) && f.c1.equals(c1);
  }

  @Override
  public int hashCode() {
    return c0.hashCode() * 31 + c1.hashCode();
  }

  @Override
  public String toString() {
    return "{" + c0 + ", " + c1 + "}";
  }
}
