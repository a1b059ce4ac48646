package org.evmjit.evm.precompile.bls12381;

/** An element c0 + c1*v + c2*v^2 of F_p^6 = F_p^2[v]/(v^3 - xi), immutable. */
public final class Fp6 {
  public static final Fp6 ZERO = new Fp6(Fp2.ZERO, Fp2.ZERO, Fp2.ZERO);
  public static final Fp6 ONE = new Fp6(Fp2.ONE, Fp2.ZERO, Fp2.ZERO);

  public final Fp2 c0;
  public final Fp2 c1;
  public final Fp2 c2;

  public Fp6(Fp2 c0, Fp2 c1, Fp2 c2) {
    this.c0 = c0;
    this.c1 = c1;
    this.c2 = c2;
  }

  public boolean isZero() {
    return c0.isZero() && c1.isZero() && c2.isZero();
  }

  public Fp6 add(Fp6 o) {
    return new Fp6(c0.add(o.c0), c1.add(o.c1), c2.add(o.c2));
  }

  public Fp6 sub(Fp6 o) {
    return new Fp6(c0.sub(o.c0), c1.sub(o.c1), c2.sub(o.c2));
  }

  public Fp6 neg() {
    return new Fp6(c0.neg(), c1.neg(), c2.neg());
  }

  /** Karatsuba-style: six F_p^2 multiplications. */
  public Fp6 mul(Fp6 o) {
    Fp2 t0 = c0.mul(o.c0);
    Fp2 t1 = c1.mul(o.c1);
    Fp2 t2 = c2.mul(o.c2);
    Fp2 r0 = c1.add(c2).mul(o.c1.add(o.c2)).sub(t1).sub(t2).mulByXi().add(t0);
    Fp2 r1 = c0.add(c1).mul(o.c0.add(o.c1)).sub(t0).sub(t1).add(t2.mulByXi());
    Fp2 r2 = c0.add(c2).mul(o.c0.add(o.c2)).sub(t0).sub(t2).add(t1);
    return new Fp6(r0, r1, r2);
  }

  /** Multiplication by the sparse element b0 + b1*v (five F_p^2 multiplications). */
  public Fp6 mulBy01(Fp2 b0, Fp2 b1) {
    Fp2 t0 = c0.mul(b0);
    Fp2 t1 = c1.mul(b1);
    Fp2 r0 = c2.mul(b1).mulByXi().add(t0);
    Fp2 r1 = c0.add(c1).mul(b0.add(b1)).sub(t0).sub(t1);
    Fp2 r2 = c2.mul(b0).add(t1);
    return new Fp6(r0, r1, r2);
  }

  /** Multiplication by the sparse element b1*v (three F_p^2 multiplications). */
  public Fp6 mulBy1(Fp2 b1) {
    return new Fp6(c2.mul(b1).mulByXi(), c0.mul(b1), c1.mul(b1));
  }

  public Fp6 square() {
    return mul(this);
  }

  /** Multiplication by an F_p^2 scalar. */
  public Fp6 mul(Fp2 k) {
    return new Fp6(c0.mul(k), c1.mul(k), c2.mul(k));
  }

  /** Multiplication by v: (c0 + c1 v + c2 v^2) v = xi c2 + c0 v + c1 v^2. */
  public Fp6 mulByV() {
    return new Fp6(c2.mulByXi(), c0, c1);
  }

  public Fp6 inverse() {
    Fp2 a = c0.square().sub(c1.mul(c2).mulByXi());
    Fp2 b = c2.square().mulByXi().sub(c0.mul(c1));
    Fp2 c = c1.square().sub(c0.mul(c2));
    Fp2 norm = c0.mul(a).add(c2.mul(b).add(c1.mul(c)).mulByXi());
    Fp2 inv = norm.inverse();
    return new Fp6(a.mul(inv), b.mul(inv), c.mul(inv));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fp6 f && f.c0.equals(c0) && f.c1.equals(c1) && f.c2.equals(c2);
  }

  @Override
  public int hashCode() {
    return (c0.hashCode() * 31 + c1.hashCode()) * 31 + c2.hashCode();
  }

  @Override
  public String toString() {
    return "[" + c0 + ", " + c1 + ", " + c2 + "]";
  }
}
