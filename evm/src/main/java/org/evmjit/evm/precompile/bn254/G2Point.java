package org.evmjit.evm.precompile.bn254;

import java.math.BigInteger;

/**
 * A point on the BN254 G2 twist y^2 = x^3 + 3/xi over F_p^2, in affine coordinates, immutable.
 * The EVM encodes a point as four 32-byte big-endian numbers x_im, x_re, y_im, y_re (the
 * coefficient of u first), all zero standing for the point at infinity.
 */
public final class G2Point {
  public static final G2Point INFINITY = new G2Point(Fp2.ZERO, Fp2.ZERO, true);

  /** xi^((p-1)/3) and xi^((p-1)/2): the twisted Frobenius (x, y) -> (x^p * c_x, y^p * c_y). */
  private static final Fp2 FROBENIUS_X =
      Fp2.XI.pow(Fp.MODULUS.subtract(BigInteger.ONE).divide(BigInteger.valueOf(3)));

  private static final Fp2 FROBENIUS_Y =
      Fp2.XI.pow(Fp.MODULUS.subtract(BigInteger.ONE).divide(BigInteger.TWO));

  private final Fp2 x;
  private final Fp2 y;
  private final boolean infinity;

  private G2Point(Fp2 x, Fp2 y, boolean infinity) {
    this.x = x;
    this.y = y;
    this.infinity = infinity;
  }

  /** The affine point (x, y), or null when it is not on the twist (no subgroup check). */
  public static G2Point of(Fp2 x, Fp2 y) {
    G2Point p = new G2Point(x, y, false);
    return p.isOnCurve() ? p : null;
  }

  /**
   * Decodes 128 bytes at {@code offset} as the pairing precompile demands: null when a
   * coordinate is not below p, the point is not on the twist, or it is not in the order-r
   * subgroup.
   */
  public static G2Point decode(byte[] in, int offset) {
    Fp xIm = Fp.fromBytes(in, offset);
    Fp xRe = Fp.fromBytes(in, offset + 32);
    Fp yIm = Fp.fromBytes(in, offset + 64);
    Fp yRe = Fp.fromBytes(in, offset + 96);
    if (xIm == null || xRe == null || yIm == null || yRe == null) {
      return null;
    }
    Fp2 x = new Fp2(xRe, xIm);
    Fp2 y = new Fp2(yRe, yIm);
    if (x.isZero() && y.isZero()) {
      return INFINITY;
    }
    G2Point p = of(x, y);
    return p != null && p.isInSubgroup() ? p : null;
  }

  /** The 128-byte encoding, all zero for infinity. */
  public byte[] encode() {
    byte[] out = new byte[128];
    if (!infinity) {
      x.b.toBytes(out, 0);
      x.a.toBytes(out, 32);
      y.b.toBytes(out, 64);
      y.a.toBytes(out, 96);
    }
    return out;
  }

  public boolean isInfinity() {
    return infinity;
  }

  public Fp2 x() {
    return x;
  }

  public Fp2 y() {
    return y;
  }

  private boolean isOnCurve() {
    return y.square().equals(x.square().mul(x).add(CurveParams.B_TWIST));
  }

  /**
   * True when P is in G2, the order-r subgroup of the twist (whose cofactor is large). The test
   * is psi(P) = [6u^2]P, with psi the twisted Frobenius: psi satisfies
   * psi^2 - t psi + p = 0 (t = 6u^2 + 1 the trace), so psi(P) = [6u^2]P implies
   * [36u^4 - t 6u^2 + p]P = [r]P = 0; conversely psi acts on G2 as p = 6u^2 mod r.
   */
  public boolean isInSubgroup() {
    if (infinity) {
      return true;
    }
    // [6u^2]P by the non-adjacent form of 6u^2, compared with psi(P) without inverting Z
    Fp2 minusY = y.neg();
    Jacobian acc = Jacobian.INFINITY;
    int[] naf = CurveParams.SIX_U_SQUARED_NAF;
    for (int i = naf.length - 1; i >= 0; i--) {
      acc = acc.dbl();
      if (naf[i] != 0) {
        acc = acc.addAffine(x, naf[i] > 0 ? y : minusY);
      }
    }
    return acc.isAt(frobenius());
  }

  public G2Point negate() {
    return infinity ? this : new G2Point(x, y.neg(), false);
  }

  /** The p-power Frobenius endomorphism carried to the twist: untwist, x -> x^p, twist. */
  public G2Point frobenius() {
    if (infinity) {
      return this;
    }
    return new G2Point(x.conjugate().mul(FROBENIUS_X), y.conjugate().mul(FROBENIUS_Y), false);
  }

  /** Affine addition (one inversion). */
  public G2Point add(G2Point o) {
    if (infinity) {
      return o;
    }
    if (o.infinity) {
      return this;
    }
    Fp2 lambda;
    if (x.equals(o.x)) {
      if (!y.equals(o.y) || y.isZero()) {
        return INFINITY;
      }
      Fp2 xx = x.square();
      lambda = xx.dbl().add(xx).mul(y.dbl().inverse());
    } else {
      lambda = o.y.sub(y).mul(o.x.sub(x).inverse());
    }
    Fp2 x3 = lambda.square().sub(x).sub(o.x);
    Fp2 y3 = lambda.mul(x.sub(x3)).sub(y);
    return new G2Point(x3, y3, false);
  }

  /** [k]P for k >= 0, not reduced by the group order (so it also works outside G2). */
  public G2Point mul(BigInteger k) {
    if (infinity || k.signum() == 0) {
      return INFINITY;
    }
    Jacobian acc = Jacobian.INFINITY;
    for (int i = k.bitLength() - 1; i >= 0; i--) {
      acc = acc.dbl();
      if (k.testBit(i)) {
        acc = acc.addAffine(x, y);
      }
    }
    return acc.toAffine();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof G2Point p
        && p.infinity == infinity
        && (infinity || (p.x.equals(x) && p.y.equals(y)));
  }

  @Override
  public int hashCode() {
    return infinity ? 0 : x.hashCode() * 31 + y.hashCode();
  }

  @Override
  public String toString() {
    return infinity ? "G2(infinity)" : "G2(" + x + ", " + y + ")";
  }

  /** Jacobian coordinates over F_p^2, for inversion-free scalar multiplication. */
  private record Jacobian(Fp2 x, Fp2 y, Fp2 z) {
    static final Jacobian INFINITY = new Jacobian(Fp2.ONE, Fp2.ONE, Fp2.ZERO);

    boolean isInfinity() {
      return z.isZero();
    }

    /** dbl-2009-l (a = 0). */
    Jacobian dbl() {
      if (isInfinity()) {
        return this;
      }
      Fp2 a = x.square();
      Fp2 b = y.square();
      Fp2 c = b.square();
      Fp2 d = x.add(b).square().sub(a).sub(c).dbl();
      Fp2 e = a.dbl().add(a);
      Fp2 f = e.square();
      Fp2 x3 = f.sub(d.dbl());
      Fp2 y3 = e.mul(d.sub(x3)).sub(c.dbl().dbl().dbl());
      Fp2 z3 = y.mul(z).dbl();
      return new Jacobian(x3, y3, z3);
    }

    /** madd-2007-bl: this + (x2, y2) for an affine point, falling back to doubling. */
    Jacobian addAffine(Fp2 x2, Fp2 y2) {
      if (isInfinity()) {
        return new Jacobian(x2, y2, Fp2.ONE);
      }
      Fp2 z1z1 = z.square();
      Fp2 u2 = x2.mul(z1z1);
      Fp2 s2 = y2.mul(z).mul(z1z1);
      Fp2 h = u2.sub(x);
      Fp2 r = s2.sub(y).dbl();
      if (h.isZero()) {
        return r.isZero() ? dbl() : INFINITY;
      }
      Fp2 hh = h.square();
      Fp2 i = hh.dbl().dbl();
      Fp2 j = h.mul(i);
      Fp2 v = x.mul(i);
      Fp2 x3 = r.square().sub(j).sub(v.dbl());
      Fp2 y3 = r.mul(v.sub(x3)).sub(y.mul(j).dbl());
      Fp2 z3 = z.add(h).square().sub(z1z1).sub(hh);
      return new Jacobian(x3, y3, z3);
    }

    /** add-2007-bl, falling back to doubling for equal points. */
    Jacobian add(Jacobian o) {
      if (isInfinity()) {
        return o;
      }
      if (o.isInfinity()) {
        return this;
      }
      Fp2 z1z1 = z.square();
      Fp2 z2z2 = o.z.square();
      Fp2 u1 = x.mul(z2z2);
      Fp2 u2 = o.x.mul(z1z1);
      Fp2 s1 = y.mul(o.z).mul(z2z2);
      Fp2 s2 = o.y.mul(z).mul(z1z1);
      Fp2 h = u2.sub(u1);
      Fp2 r = s2.sub(s1).dbl();
      if (h.isZero()) {
        return r.isZero() ? dbl() : INFINITY;
      }
      Fp2 i = h.dbl().square();
      Fp2 j = h.mul(i);
      Fp2 v = u1.mul(i);
      Fp2 x3 = r.square().sub(j).sub(v.dbl());
      Fp2 y3 = r.mul(v.sub(x3)).sub(s1.mul(j).dbl());
      Fp2 z3 = z.add(o.z).square().sub(z1z1).sub(z2z2).mul(h);
      return new Jacobian(x3, y3, z3);
    }

    /** True when this is the affine point p (not infinity): X = x Z^2 and Y = y Z^3. */
    boolean isAt(G2Point p) {
      if (isInfinity() || p.infinity) {
        return isInfinity() && p.infinity;
      }
      Fp2 zz = z.square();
      return x.equals(p.x.mul(zz)) && y.equals(p.y.mul(zz).mul(z));
    }

    G2Point toAffine() {
      if (isInfinity()) {
        return G2Point.INFINITY;
      }
      Fp2 zInv = z.inverse();
      Fp2 zInv2 = zInv.square();
      return new G2Point(x.mul(zInv2), y.mul(zInv2).mul(zInv), false);
    }
  }
}
