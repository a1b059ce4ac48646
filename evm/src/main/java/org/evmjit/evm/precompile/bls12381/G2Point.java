package org.evmjit.evm.precompile.bls12381;

import java.math.BigInteger;
import java.util.List;

/**
 * A point of the BLS12-381 twist E': y^2 = x^3 + 4(1 + u) over F_p^2, in affine coordinates,
 * immutable. Its order is h' * r with a large cofactor h', so a twist point need not be in G2.
 * EIP-2537 encodes a point as x || y, two 128-byte F_p^2 elements, with 256 zero bytes standing
 * for the point at infinity.
 */
public final class G2Point {
  public static final G2Point INFINITY = new G2Point(Fp2.ZERO, Fp2.ZERO, true);

  public static final G2Point GENERATOR =
      new G2Point(
          new Fp2(
              Fp.ofHex(
                  "024aa2b2f08f0a91260805272dc51051c6e47ad4fa403b02b4510b647ae3d1770bac0326a805bbefd48056c8c121bdb8"),
              Fp.ofHex(
                  "13e02b6052719f607dacd3a088274f65596bd0d09920b61ab5da61bbdc7f5049334cf11213945d57e5ac7d055d042b7e")),
          new Fp2(
              Fp.ofHex(
                  "0ce5d527727d6e118cc9cdc6da2e351aadfd9baa8cbdd3a76d429a695160d12c923ac9cc3baca289e193548608b82801"),
              Fp.ofHex(
                  "0606c4a02ea734cc32acd2b02bc28b99cb3e287e85a763af267492ab572e99ab3f370d275cec1da1aaa9075ff05f79be")),
          false);

  /** The encoded size of a point. */
  public static final int ENCODED_LENGTH = 256;

  private final Fp2 x;
  private final Fp2 y;
  private final boolean infinity;

  private G2Point(Fp2 x, Fp2 y, boolean infinity) {
    this.x = x;
    this.y = y;
    this.infinity = infinity;
  }

  /** The affine point (x, y), or null when it is not on the curve (no subgroup check). */
  public static G2Point of(Fp2 x, Fp2 y) {
    G2Point p = new G2Point(x, y, false);
    return p.isOnCurve() ? p : null;
  }

  /**
   * Decodes 256 bytes at {@code offset}: null when a coordinate is not a valid field element
   * encoding or the point is neither on the curve nor the all-zero infinity (no subgroup check).
   */
  public static G2Point decode(byte[] in, int offset) {
    Fp2 x = Fp2.fromBytes(in, offset);
    Fp2 y = Fp2.fromBytes(in, offset + 128);
    if (x == null || y == null) {
      return null;
    }
    if (x.isZero() && y.isZero()) {
      return INFINITY;
    }
    return of(x, y);
  }

  /** The 256-byte encoding, all zero for infinity. */
  public byte[] encode() {
    byte[] out = new byte[ENCODED_LENGTH];
    if (!infinity) {
      x.toBytes(out, 0);
      y.toBytes(out, 128);
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
   * True when P is in G2, the order-r subgroup: the endomorphism test psi(P) = [x]P = -[|x|]P
   * (Scott, "A note on group membership tests for G1, G2 and GT on BLS pairing-friendly
   * curves", 2021), where psi is the untwist-Frobenius-twist map and x the (negative) seed; x is
   * psi's eigenvalue on G2 because p = x mod r.
   */
  public boolean isInSubgroup() {
    if (infinity) {
      return true;
    }
    Jacobian xP = Jacobian.multiple(x, y, CurveParams.SEED_ABS);
    G2Point minusPsi = psi().negate();
    return xP.isAt(minusPsi.x, minusPsi.y);
  }

  /** psi, the untwist-Frobenius-twist endomorphism: (conj(x) PSI_X, conj(y) PSI_Y). */
  public G2Point psi() {
    if (infinity) {
      return this;
    }
    return new G2Point(
        x.conjugate().mul(CurveParams.PSI_X), y.conjugate().mul(CurveParams.PSI_Y), false);
  }

  /**
   * [h_eff]P, the cofactor clearing of RFC 9380 section 8.8.2, computed as its Appendix G.3
   * does (Budroni and Pintore): [x^2 - x - 1]P + [x - 1]psi(P) + psi^2([2]P) with the seed x,
   * which equals [h_eff]P for every point of the twist with two 64-bit multiplications instead
   * of one by the 636-bit h_eff.
   */
  public G2Point clearCofactor() {
    G2Point t1 = mulBySeed(); // [x]P
    G2Point t2 = psi();
    G2Point t3 = add(this).psi().psi();
    t3 = t3.add(t2.negate());
    t2 = t1.add(t2).mulBySeed();
    return t3.add(t2).add(t1.negate()).add(negate());
  }

  /** [x]P for the negative seed x. */
  private G2Point mulBySeed() {
    return mul(CurveParams.SEED_ABS).negate();
  }

  public G2Point negate() {
    return infinity ? this : new G2Point(x, y.neg(), false);
  }

  /** P + Q (works for any curve points, in G1 or not). */
  public G2Point add(G2Point o) {
    return Jacobian.of(this).add(Jacobian.of(o)).toAffine();
  }

  /** [k]P for k >= 0, not reduced by the group order (so it also works outside G2). */
  public G2Point mul(BigInteger k) {
    if (infinity) {
      return INFINITY;
    }
    return Jacobian.multiple(x, y, k).toAffine();
  }

  /**
   * The sum of [k_i]P_i (the G2 multi-scalar multiplication), for points in G2: the scalars
   * are reduced modulo r, and more than one pair goes through {@link Pippenger}.
   */
  public static G2Point sumOfProducts(List<G2Point> points, List<BigInteger> scalars) {
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

  /** Jacobian coordinates (X / Z^2, Y / Z^3), for inversion-free arithmetic. */
  private record Jacobian(Fp2 x, Fp2 y, Fp2 z) {
    static final Jacobian INFINITY = new Jacobian(Fp2.ONE, Fp2.ONE, Fp2.ZERO);

    static Jacobian of(G2Point p) {
      return p.infinity ? INFINITY : new Jacobian(p.x, p.y, Fp2.ONE);
    }

    /** [k](ax, ay) by double-and-add, most significant bit first. */
    static Jacobian multiple(Fp2 ax, Fp2 ay, BigInteger k) {
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

    /** True when this is the affine point (ax, ay): X = ax Z^2 and Y = ay Z^3. */
    boolean isAt(Fp2 ax, Fp2 ay) {
      if (isInfinity()) {
        return false;
      }
      Fp2 zz = z.square();
      return x.equals(ax.mul(zz)) && y.equals(ay.mul(zz).mul(z));
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
