package org.evmjit.evm.precompile.bn254;

import java.util.ArrayList;
import java.util.List;

/**
 * The optimal ate pairing e: G1 x G2 -> F_p^12 on BN254: a Miller loop over 6u + 2 followed by
 * the final exponentiation to the power (p^12 - 1) / r.
 *
 * <p>The loop runs on the twist with T in homogeneous projective coordinates, so it needs no
 * inversions. A twist point (x, y) untwists to (x w^2, y w^3) on the curve over F_p^12, so the
 * line through twist points T and R with twist slope lambda, evaluated at P = (xP, yP), is
 * {@code yP - lambda xP w + (lambda xR - yR) w^3}; each step multiplies in that line scaled by
 * a factor in F_p^2. Such factors, like vertical lines, lie in F_p^6 and are sent to 1 by the
 * final exponentiation.
 */
public final class Pairing {
  private Pairing() {}

  /** e(P, Q). */
  public static Fp12 pair(G1Point p, G2Point q) {
    return finalExponentiation(millerLoop(List.of(p), List.of(q)));
  }

  /** True when the product of e(P_i, Q_i) is 1 (true for no pairs). */
  public static boolean isProductOne(List<G1Point> ps, List<G2Point> qs) {
    return finalExponentiation(millerLoop(ps, qs)).isOne();
  }

  /**
   * The product of the Miller loops of all pairs, sharing the squarings of the accumulator.
   * The G2 points must be in G2 (order r), which keeps every step clear of the point at
   * infinity.
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
    int[] naf = CurveParams.ATE_LOOP_NAF;
    for (int i = naf.length - 2; i >= 0; i--) {
      f = f.square();
      for (LoopState s : pairs) {
        f = s.doubleStep(f);
      }
      if (naf[i] != 0) {
        for (LoopState s : pairs) {
          f = s.addStep(f, s.qx, naf[i] > 0 ? s.qy : s.qyNeg);
        }
      }
    }
    for (LoopState s : pairs) {
      G2Point q1 = s.q.frobenius();
      G2Point q2 = q1.frobenius().negate();
      f = s.addStep(f, q1.x(), q1.y());
      f = s.addStep(f, q2.x(), q2.y());
    }
    return f;
  }

  /** f^((p^12 - 1) / r), split as (p^6 - 1)(p^2 + 1) and (p^4 - p^2 + 1) / r. */
  static Fp12 finalExponentiation(Fp12 f) {
    Fp12 t = f.conjugate().mul(f.inverse());
    t = t.frobenius(2).mul(t);
    return hardPart(t);
  }

  /**
   * t^((p^4 - p^2 + 1) / r) for t in the cyclotomic subgroup (where conjugation inverts), with
   * the exponent written in base p with coefficients in u (Scott et al., "On the final
   * exponentiation for calculating pairings on ordinary elliptic curves", 2009):
   * y0 y1^2 y2^6 y3^12 y4^18 y5^30 y6^36.
   */
  static Fp12 hardPart(Fp12 t) {
    Fp12 fu = t.cyclotomicPow(CurveParams.U);
    Fp12 fu2 = fu.cyclotomicPow(CurveParams.U);
    Fp12 fu3 = fu2.cyclotomicPow(CurveParams.U);
    Fp12 y0 = t.frobenius(1).mul(t.frobenius(2)).mul(t.frobenius(3));
    Fp12 y1 = t.conjugate();
    Fp12 y2 = fu2.frobenius(2);
    Fp12 y3 = fu.frobenius(1).conjugate();
    Fp12 y4 = fu.mul(fu2.frobenius(1)).conjugate();
    Fp12 y5 = fu2.conjugate();
    Fp12 y6 = fu3.mul(fu3.frobenius(1)).conjugate();
    Fp12 t0 = y6.cyclotomicSquare().mul(y4).mul(y5);
    Fp12 t1 = y3.mul(y5).mul(t0);
    t0 = t0.mul(y2);
    t1 = t1.cyclotomicSquare().mul(t0).cyclotomicSquare();
    t0 = t1.mul(y1);
    t1 = t1.mul(y0);
    return t0.cyclotomicSquare().mul(t1);
  }

  /** One pair's state in the Miller loop: P, Q and T = (x : y : z), a multiple of Q. */
  private static final class LoopState {
    final G2Point q;
    final Fp px;
    final Fp py;
    final Fp2 qx;
    final Fp2 qy;
    final Fp2 qyNeg;
    Fp2 x;
    Fp2 y;
    Fp2 z;

    LoopState(G1Point p, G2Point q) {
      this.q = q;
      this.px = p.x();
      this.py = p.y();
      this.qx = q.x();
      this.qy = q.y();
      this.qyNeg = qy.neg();
      this.x = qx;
      this.y = qy;
      this.z = Fp2.ONE;
    }

    /**
     * f * (tangent at T)(P); T = 2T. With B = Y^2, C = Z^2, E = 3b'C, F = 3E, H = 2YZ:
     * 2T = (2XY(B - F) : (B + F)^2 - 12E^2 : 4BH) (Costello, Lange, Naehrig 2010), and
     * 2YZ * tangent = H yP - 3X^2 xP w + (B - E) w^3 (using Y^2 Z = X^3 + b'Z^3).
     */
    Fp12 doubleStep(Fp12 f) {
      Fp2 xx = x.square();
      Fp2 b = y.square();
      Fp2 c = z.square();
      Fp2 e = c.mul(CurveParams.B_TWIST_TIMES_3);
      Fp2 ff = e.dbl().add(e);
      Fp2 h = y.add(z).square().sub(b).sub(c);
      Fp2 l1 = xx.dbl().add(xx).mul(px).neg();
      Fp12 out = f.mulByLine(h.mul(py), l1, b.sub(e));
      Fp2 e2 = e.square();
      Fp2 x3 = x.mul(y).mul(b.sub(ff)).dbl();
      Fp2 y3 = b.add(ff).square().sub(e2.dbl().add(e2).dbl().dbl());
      z = b.mul(h).dbl().dbl();
      x = x3;
      y = y3;
      return out;
    }

    /**
     * f * (line through T and R)(P); T = T + R for affine R. With theta = Y - yR Z and
     * lambda = X - xR Z (the slope is theta / lambda), lambda * line =
     * lambda yP - theta xP w + (theta xR - lambda yR) w^3, and T + R follows the mixed
     * addition of Aranha et al. ("Faster explicit formulas for computing pairings over ordinary
     * curves", 2011).
     */
    Fp12 addStep(Fp12 f, Fp2 rx, Fp2 ry) {
      Fp2 theta = y.sub(ry.mul(z));
      Fp2 lambda = x.sub(rx.mul(z));
      if (lambda.isZero()) {
        // T = R or T = -R: impossible for Q of order r, whose multiples here are never +-R
        throw new IllegalStateException("Miller loop met T = +-R; is Q in G2?");
      }
      Fp12 out =
          f.mulByLine(lambda.mul(py), theta.mul(px).neg(), theta.mul(rx).sub(lambda.mul(ry)));
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
