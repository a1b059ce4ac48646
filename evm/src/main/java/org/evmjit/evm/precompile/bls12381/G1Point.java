package org.evmjit.evm.precompile.bls12381;

import java.math.BigInteger;
import java.util.List;

/**
 * A point of the BLS12-381 curve E: y^2 = x^3 + 4 over F_p, in affine coordinates, immutable.
 * The curve's order is h * r with a cofactor h, so a curve point need not be in G1 (order r).
 * EIP-2537 encodes a point as x || y, two 64-byte field elements, with 128 zero bytes standing
 * for the point at infinity.
 */
public final class G1Point {
  public static final G1Point INFINITY = new G1Point(Fp.ZERO, Fp.ZERO, true);

  public static final G1Point GENERATOR =
      new G1Point(
          Fp.ofHex(
              "17f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb"),
          Fp.ofHex(
              "08b3f481e3aaa0f1a09e30ed741d8ae4fcf5e095d5d00af600db18cb2c04b3edd03cc744a2888ae40caa232946c5e7e1"),
          false);

  /** The encoded size of a point. */
  public static final int ENCODED_LENGTH = 128;

  private final Fp x;
  private final Fp y;
  private final boolean infinity;

  private G1Point(Fp x, Fp y, boolean infinity) {
    this.x = x;
    this.y = y;
    this.infinity = infinity;
  }

  /** The affine point (x, y), or null when it is not on the curve (no subgroup check). */
  public static G1Point of(Fp x, Fp y) {
    G1Point p = new G1Point(x, y, false);
    return p.isOnCurve() ? p : null;
  }

  /**
   * Decodes 128 bytes at {@code offset}: null when a coordinate is not a valid field element
   * encoding or the point is neither on the curve nor the all-zero infinity (no subgroup check).
   */
  public static G1Point decode(byte[] in, int offset) {
    Fp x = Fp.fromBytes(in, offset);
    Fp y = Fp.fromBytes(in, offset + 64);
    if (x == null || y == null) {
      return null;
    }
    if (x.isZero() && y.isZero()) {
      return INFINITY;
    }
    return of(x, y);
  }

  /** The 128-byte encoding, all zero for infinity. */
  public byte[] encode() {
    byte[] out = new byte[ENCODED_LENGTH];
    if (!infinity) {
      x.toBytes(out, 0);
      y.toBytes(out, 64);
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

  /**
   * True when P is in G1, the order-r subgroup: the endomorphism test phi(P) = -[x^2]P of
   * EIP-2537's fast_subgroup_checks.md, with phi(x, y) = (beta x, y).
   */
  public boolean isInSubgroup() {
    if (infinity) {
      return true;
    }
    Jacobian xxP = Jacobian.multiple(x, y, CurveParams.SEED_SQUARED);
    return xxP.isAt(x.mul(CurveParams.BETA), y.neg());
  }

  public G1Point negate() {
    return infinity ? this : new G1Point(x, y.neg(), false);
  }

  /** P + Q (works for any curve points, in G1 or not). */
  public G1Point add(G1Point o) {
    return Jacobian.of(this).add(Jacobian.of(o)).toAffine();
  }

  /** [k]P for k >= 0, not reduced by the group order (so it also works outside G1). */
  public G1Point mul(BigInteger k) {
    if (infinity) {
      return INFINITY;
    }
    return Jacobian.multiple(x, y, k).toAffine();
  }

  /**
   * The sum of [k_i]P_i (the G1 multi-scalar multiplication), for points in G1: the scalars
   * are reduced modulo r, and more than one pair goes through {@link Pippenger}.
   */
  public static G1Point sumOfProducts(List<G1Point> points, List<BigInteger> scalars) {
    List<BigInteger> reduced = scalars.stream().map(k -> k.mod(CurveParams.ORDER)).toList();
    if (points.size() == 1) {
      return points.get(0).mul(reduced.get(0));
    }
    Pippenger.AddPoint<Jacobian> addPoint =
        (a, i) -> points.get(i).infinity ? a : a.addAffine(points.get(i).x, points.get(i).y);
    return Pippenger.sum(Jacobian.INFINITY, Jacobian::dbl, Jacobian::add, addPoint, reduced)
        .toAffine();
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

  /** Jacobian coordinates (X / Z^2, Y / Z^3), for inversion-free arithmetic. */
  private record Jacobian(Fp x, Fp y, Fp z) {
    static final Jacobian INFINITY = new Jacobian(Fp.ONE, Fp.ONE, Fp.ZERO);

    static Jacobian of(G1Point p) {
      return p.infinity ? INFINITY : new Jacobian(p.x, p.y, Fp.ONE);
    }

    /** [k](ax, ay) by double-and-add, most significant bit first. */
    static Jacobian multiple(Fp ax, Fp ay, BigInteger k) {
      Jacobian acc = INFINITY;
      for (int i = k.bitLength() - 1; i >= 0; i--) {
        acc = acc.dbl();
        if (k.testBit(i)) {
          acc = acc.addAffine(ax, ay);
        }
      }
      return acc;
    }

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

    /** True when this is the affine point (ax, ay): X = ax Z^2 and Y = ay Z^3. */
    boolean isAt(Fp ax, Fp ay) {
      if (isInfinity()) {
        return false;
      }
      Fp zz = z.square();
      return x.equals(ax.mul(zz)) && y.equals(ay.mul(zz).mul(z));
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
