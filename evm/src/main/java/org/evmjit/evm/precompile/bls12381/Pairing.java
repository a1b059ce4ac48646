package org.evmjit.evm.precompile.bls12381;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The optimal ate pairing on BLS12-381 for the pairing check: a Miller loop over the seed |x|
 * followed by a final exponentiation. The result is e(P, Q)^3 for the standard reduced pairing
 * e; cubing is a bijection on the order-r target group (3 does not divide r), so a product of
 * pairings is 1 exactly when the standard one is, and bilinearity holds as well.
 *
 * <p>The twist is of M type: a twist point (x, y) untwists to (x w^-2, y w^-3) on the curve
 * over F_p^12 (w^6 = xi). The line through twist points T and R with twist slope lambda,
 * evaluated at P = (xP, yP) and scaled by w^3 (which lies in F_p^4 and vanishes in the final
 * exponentiation), is {@code (lambda xT - yT) - lambda xP w^2 + yP w^3}; each step multiplies
 * in that line scaled by a factor in F_p^2, which vanishes as well. T is kept in homogeneous
 * projective coordinates, so the loop needs no inversions.
 */
public final class Pairing {
  private Pairing() {}

  /** e(P, Q)^3 (see the class comment). */
  public static Fp12 pair(G1Point p, G2Point q) {
    return finalExponentiation(millerLoop(List.of(p), List.of(q)));
  }

  /** True when the product of e(P_i, Q_i) is 1 (true for no pairs). Q_i must be in G2. */
  public static boolean isProductOne(List<G1Point> ps, List<G2Point> qs) {
    return finalExponentiation(millerLoop(ps, qs)).isOne();
  }

  /**
   * The product of the Miller loops f_{x,Q_i}(P_i) of all pairs, sharing the squarings of the
   * accumulator. The G2 points must be in G2 (order r), which keeps every step clear of T = +-Q.
   */
  static Fp12 millerLoop(List<G1Point> ps, List<G2Point> qs) {
    if (ps.size() != qs.size()) {
      throw new IllegalArgumentException("as many G1 as G2 points are needed");
    }
    List<LoopState> pairs = new ArrayList<>();
    for (int i = 0; i < ps.size(); i++) {
      if (!ps.get(i).isInfinity() && !qs.get(i).isInfinity()) {
        pairs.add(new LoopState(ps.get(i), qs.get(i)));
      }
    }
    Fp12 f = Fp12.ONE;
    if (pairs.isEmpty()) {
      return f;
    }
    BigInteger seed = CurveParams.SEED_ABS;
    for (int i = seed.bitLength() - 2; i >= 0; i--) {
      f = f.square();
      for (LoopState s : pairs) {
        f = s.doubleStep(f);
      }
      if (seed.testBit(i)) {
        for (LoopState s : pairs) {
          f = s.addStep(f);
        }
      }
    }
    // the seed is negative: f_{-|x|,Q} = 1 / f_{|x|,Q} up to a vertical line, and after the
    // easy part of the final exponentiation the inverse is the conjugate
    return f.conjugate();
  }

  /** f^(3 (p^12 - 1) / r), split as (p^6 - 1)(p^2 + 1) and 3 (p^4 - p^2 + 1) / r. */
  static Fp12 finalExponentiation(Fp12 f) {
    Fp12 t = f.conjugate().mul(f.inverse());
    t = t.frobenius(2).mul(t);
    return hardPart(t);
  }

  /**
   * t^(3 (p^4 - p^2 + 1) / r) for t in the cyclotomic subgroup (where conjugation inverts),
   * using 3 (p^4 - p^2 + 1) / r = (x - 1)^2 (x + p) (x^2 + p^2 - 1) + 3 for the seed x
   * (Hayashida, Hayasaka, Teruya, "Efficient final exponentiation via cyclotomic structure for
   * pairings over families of elliptic curves", 2020).
   */
  static Fp12 hardPart(Fp12 t) {
    Fp12 a = powSeedMinusOne(powSeedMinusOne(t)); // t^((x-1)^2)
    Fp12 b = powSeed(a).mul(a.frobenius(1)); // a^(x + p)
    Fp12 c = powSeed(powSeed(b)).mul(b.frobenius(2)).mul(b.conjugate()); // b^(x^2 + p^2 - 1)
    return c.mul(t.cyclotomicSquare()).mul(t);
  }

  /** t^x for the negative seed x: the conjugate of t^|x|. */
  private static Fp12 powSeed(Fp12 t) {
    return t.cyclotomicPow(CurveParams.SEED_ABS).conjugate();
  }

  /** t^(x - 1). */
  private static Fp12 powSeedMinusOne(Fp12 t) {
    return powSeed(t).mul(t.conjugate());
  }

  /** One pair's state in the Miller loop: P, Q and T = (x : y : z), a multiple of Q. */
  private static final class LoopState {
    final Fp px;
    final Fp py;
    final Fp2 qx;
    final Fp2 qy;
    Fp2 x;
    Fp2 y;
    Fp2 z;

    LoopState(G1Point p, G2Point q) {
      this.px = p.x();
      this.py = p.y();
      this.qx = q.x();
      this.qy = q.y();
      this.x = qx;
      this.y = qy;
      this.z = Fp2.ONE;
    }

    /**
     * f * (tangent at T)(P); T = 2T. With B = Y^2, C = Z^2, E = 3b'C, F = 3E, H = 2YZ:
     * 2T = (2XY(B - F) : (B + F)^2 - 12E^2 : 4BH) (Costello, Lange, Naehrig 2010), and
     * 2YZ * tangent = (B - E) - 3X^2 xP w^2 + H yP w^3 (using Y^2 Z = X^3 + b'Z^3).
     */
    Fp12 doubleStep(Fp12 f) {
      Fp2 xx = x.square();
      Fp2 b = y.square();
      Fp2 c = z.square();
      Fp2 e = c.mul(CurveParams.B_TWIST_TIMES_3);
      Fp2 ff = e.dbl().add(e);
      Fp2 h = y.add(z).square().sub(b).sub(c);
      Fp2 l2 = xx.dbl().add(xx).mul(px).neg();
      Fp12 out = f.mulByLine(b.sub(e), l2, h.mul(py));
      Fp2 e2 = e.square();
      Fp2 x3 = x.mul(y).mul(b.sub(ff)).dbl();
      Fp2 y3 = b.add(ff).square().sub(e2.dbl().add(e2).dbl().dbl());
      z = b.mul(h).dbl().dbl();
      x = x3;
      y = y3;
      return out;
    }

    /**
     * f * (line through T and Q)(P); T = T + Q. With theta = Y - yQ Z and lambda = X - xQ Z
     * (the slope is theta / lambda), lambda * line =
     * (theta xQ - lambda yQ) - theta xP w^2 + lambda yP w^3, and T + Q follows the mixed
     * addition of Aranha et al. ("Faster explicit formulas for computing pairings over ordinary
     * curves", 2011).
     */
    Fp12 addStep(Fp12 f) {
      Fp2 theta = y.sub(qy.mul(z));
      Fp2 lambda = x.sub(qx.mul(z));
      if (lambda.isZero()) {
        // T = Q or T = -Q: impossible for Q of order r, whose multiples here are never +-Q
        throw new IllegalStateException("Miller loop met T = +-Q; is Q in G2?");
      }
      Fp12 out =
          f.mulByLine(theta.mul(qx).sub(lambda.mul(qy)), theta.mul(px).neg(), lambda.mul(py));
      Fp2 cc = theta.square();
      Fp2 dd = lambda.square();
      Fp2 ee = lambda.mul(dd);
      Fp2 ff = z.mul(cc);
      Fp2 gg = x.mul(dd);
      Fp2 hh = ee.add(ff).sub(gg.dbl());
      x = lambda.mul(hh);
      y = theta.mul(gg.sub(hh)).sub(y.mul(ee));
      z = z.mul(ee);
      return out;
    }
  }
}
