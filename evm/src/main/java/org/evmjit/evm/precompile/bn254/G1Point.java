package org.evmjit.evm.precompile.bn254;

import java.math.BigInteger;

/**
 * A point of G1, the BN254 curve y^2 = x^3 + 3 over F_p, in affine coordinates, immutable.
 * The curve has prime order, so every curve point is in G1. The EVM encodes a point as x || y,
 * two 32-byte big-endian numbers, with (0, 0) standing for the point at infinity.
 */
public final class G1Point {
  public static final G1Point INFINITY = new G1Point(Fp.ZERO, Fp.ZERO, true);
  public static final G1Point GENERATOR = new G1Point(Fp.ONE, Fp.of(2), false);

  private final Fp x;
  private final Fp y;
  private final boolean infinity;

  private G1Point(Fp x, Fp y, boolean infinity) {
    this.x = x;
    this.y = y;
    this.infinity = infinity;
  }

  /** The affine point (x, y), or null when it is not on the curve. */
  public static G1Point of(Fp x, Fp y) {
    G1Point p = new G1Point(x, y, false);
    return p.isOnCurve() ? p : null;
  }

  /**
   * Decodes 64 bytes at {@code offset}: null when a coordinate is not below p or the point is
   * not on the curve.
   */
  public static G1Point decode(byte[] in, int offset) {
    Fp x = Fp.fromBytes(in, offset);
    Fp y = Fp.fromBytes(in, offset + 32);
    if (x == null || y == null) {
      return null;
    }
    if (x.isZero() && y.isZero()) {
      return INFINITY;
    }
    return of(x, y);
  }

  /** The 64-byte encoding, (0, 0) for infinity. */
  public byte[] encode() {
    byte[] out = new byte[64];
    if (!infinity) {
      x.toBytes(out, 0);
      y.toBytes(out, 32);
    }
    return out;
  }

  public boolean isInfinity() {
    return infinity;
  }

  public Fp x() {
    return x;
  }

  public Fp y() {
    return y;
  }

  private boolean isOnCurve() {
    return y.square().equals(x.square().mul(x).add(CurveParams.B));
  }

  public G1Point negate() {
    return infinity ? this : new G1Point(x, y.neg(), false);
  }

  /** Affine addition (one inversion). */
  public G1Point add(G1Point o) {
    if (infinity) {
      return o;
    }
    if (o.infinity) {
      return this;
    }
    Fp lambda;
    if (x.equals(o.x)) {
      if (!y.equals(o.y) || y.isZero()) {
        return INFINITY; // P + (-P)
      }
      Fp xx = x.square();
      lambda = xx.dbl().add(xx).mul(y.dbl().inverse());
    } else {
      lambda = o.y.sub(y).mul(o.x.sub(x).inverse());
    }
    Fp x3 = lambda.square().sub(x).sub(o.x);
    Fp y3 = lambda.mul(x.sub(x3)).sub(y);
    return new G1Point(x3, y3, false);
  }

  /** [k]P for any non-negative k (reduced modulo the group order first). */
  public G1Point mul(BigInteger k) {
    BigInteger e = k.mod(CurveParams.ORDER);
    if (infinity || e.signum() == 0) {
      return INFINITY;
    }
    Jacobian acc = Jacobian.INFINITY;
    for (int i = e.bitLength() - 1; i >= 0; i--) {
      acc = acc.dbl();
      if (e.testBit(i)) {
        acc = acc.addAffine(x, y);
      }
    }
    return acc.toAffine();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof G1Point p
        && p.infinity == infinity
        && (infinity || (p.x.equals(x) && p.y.equals(y)));
  }

  @Override
  public int hashCode() {
    return infinity ? 0 : x.hashCode() * 31 + y.hashCode();
  }

  @Override
  public String toString() {
    return infinity ? "G1(infinity)" : "G1(" + x + ", " + y + ")";
  }

  /** Jacobian coordinates (X / Z^2, Y / Z^3), for inversion-free scalar multiplication. */
  private record Jacobian(Fp x, Fp y, Fp z) {
    static final Jacobian INFINITY = new Jacobian(Fp.ONE, Fp.ONE, Fp.ZERO);

    boolean isInfinity() {
      return z.isZero();
    }

    /** dbl-2009-l (a = 0). */
    Jacobian dbl() {
      if (isInfinity()) {
        return this;
      }
      Fp a = x.square();
      Fp b = y.square();
      Fp c = b.square();
      Fp d = x.add(b).square().sub(a).sub(c).dbl();
      Fp e = a.dbl().add(a);
      Fp f = e.square();
      Fp x3 = f.sub(d.dbl());
      Fp y3 = e.mul(d.sub(x3)).sub(c.dbl().dbl().dbl());
      Fp z3 = y.mul(z).dbl();
      return new Jacobian(x3, y3, z3);
    }

    /** madd-2007-bl: this + (x2, y2) for an affine point, falling back to doubling. */
    Jacobian addAffine(Fp x2, Fp y2) {
      if (isInfinity()) {
        return new Jacobian(x2, y2, Fp.ONE);
      }
      Fp z1z1 = z.square();
      Fp u2 = x2.mul(z1z1);
      Fp s2 = y2.mul(z).mul(z1z1);
      Fp h = u2.sub(x);
      Fp r = s2.sub(y).dbl();
      if (h.isZero()) {
        return r.isZero() ? dbl() : INFINITY;
      }
      Fp hh = h.square();
      Fp i = hh.dbl().dbl();
      Fp j = h.mul(i);
      Fp v = x.mul(i);
      Fp x3 = r.square().sub(j).sub(v.dbl());
      Fp y3 = r.mul(v.sub(x3)).sub(y.mul(j).dbl());
      Fp z3 = z.add(h).square().sub(z1z1).sub(hh);
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
      Fp z1z1 = z.square();
      Fp z2z2 = o.z.square();
      Fp u1 = x.mul(z2z2);
      Fp u2 = o.x.mul(z1z1);
      Fp s1 = y.mul(o.z).mul(z2z2);
      Fp s2 = o.y.mul(z).mul(z1z1);
      Fp h = u2.sub(u1);
      Fp r = s2.sub(s1).dbl();
      if (h.isZero()) {
        return r.isZero() ? dbl() : INFINITY;
      }
      Fp i = h.dbl().square();
      Fp j = h.mul(i);
      Fp v = u1.mul(i);
      Fp x3 = r.square().sub(j).sub(v.dbl());
      Fp y3 = r.mul(v.sub(x3)).sub(s1.mul(j).dbl());
      Fp z3 = z.add(o.z).square().sub(z1z1).sub(z2z2).mul(h);
      return new Jacobian(x3, y3, z3);
    }

    G1Point toAffine() {
      if (isInfinity()) {
        return G1Point.INFINITY;
      }
      Fp zInv = z.inverse();
      Fp zInv2 = zInv.square();
      return new G1Point(x.mul(zInv2), y.mul(zInv2).mul(zInv), false);
    }
  }
}
