package org.evmjit.evm.precompile.bls12381;

import java.math.BigInteger;

/**
 * An element of the BLS12-381 base field F_p, immutable. The value is held in Montgomery form
 * (value * 2^384 mod p) as six little-endian 64-bit limbs, always fully reduced, so equal values
 * have equal limbs.
 */
public final class Fp {
  /** The field modulus p (EIP-2537). */
  public static final BigInteger MODULUS =
      new BigInteger(
          "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab",
          16);

  private static final long P0 = 0xb9feffffffffaaabL;
  private static final long P1 = 0x1eabfffeb153ffffL;
  private static final long P2 = 0x6730d2a0f6b0f624L;
  private static final long P3 = 0x64774b84f38512bfL;
  private static final long P4 = 0x4b1ba7b6434bacd7L;
  private static final long P5 = 0x1a0111ea397fe69aL;

  /** -p^-1 mod 2^64, for Montgomery reduction. */
  private static final long INV =
      MODULUS.modInverse(BigInteger.ONE.shiftLeft(64)).negate().longValue();

  /** R^2 mod p with R = 2^384: multiplying by it (Montgomery) converts into Montgomery form. */
  private static final Fp R_SQUARED = raw(BigInteger.ONE.shiftLeft(768).mod(MODULUS));

  /** (p + 1) / 4: p = 3 mod 4, so a square's square root is its power to this. */
  private static final BigInteger SQRT_EXPONENT = MODULUS.add(BigInteger.ONE).shiftRight(2);

  public static final Fp ZERO = new Fp(0, 0, 0, 0, 0, 0);
  public static final Fp ONE = of(BigInteger.ONE);

  private final long l0;
  private final long l1;
  private final long l2;
  private final long l3;
  private final long l4;
  private final long l5;

  private Fp(long l0, long l1, long l2, long l3, long l4, long l5) {
    this.l0 = l0;
    this.l1 = l1;
    this.l2 = l2;
    this.l3 = l3;
    this.l4 = l4;
    this.l5 = l5;
  }

  /** The element for {@code value}, which must be in [0, p). */
  public static Fp of(BigInteger value) {
    if (value.signum() < 0 || value.compareTo(MODULUS) >= 0) {
      throw new IllegalArgumentException("not a field element: " + value);
    }
    return raw(value).mul(R_SQUARED);
  }

  public static Fp of(long value) {
    return of(BigInteger.valueOf(value));
  }

  /** The element for a hexadecimal number below p. */
  public static Fp ofHex(String hex) {
    return of(new BigInteger(hex, 16));
  }

  /**
   * Reads the EIP-2537 encoding, 64 big-endian bytes at {@code offset}; null when the top 16
   * bytes are not zero or the number is not below p.
   */
  public static Fp fromBytes(byte[] in, int offset) {
    for (int i = 0; i < 16; i++) {
      if (in[offset + i] != 0) {
        return null;
      }
    }
    long w0 = readLong(in, offset + 56);
    long w1 = readLong(in, offset + 48);
    long w2 = readLong(in, offset + 40);
    long w3 = readLong(in, offset + 32);
    long w4 = readLong(in, offset + 24);
    long w5 = readLong(in, offset + 16);
    if (!lessThanP(w0, w1, w2, w3, w4, w5)) {
      return null;
    }
    return new Fp(w0, w1, w2, w3, w4, w5).mul(R_SQUARED);
  }

  /** Writes the EIP-2537 encoding, 64 big-endian bytes (the top 16 zero), at {@code offset}. */
  public void toBytes(byte[] out, int offset) {
    Fp n = fromMontgomery();
    for (int i = 0; i < 16; i++) {
      out[offset + i] = 0;
    }
    writeLong(out, offset + 56, n.l0);
    writeLong(out, offset + 48, n.l1);
    writeLong(out, offset + 40, n.l2);
    writeLong(out, offset + 32, n.l3);
    writeLong(out, offset + 24, n.l4);
    writeLong(out, offset + 16, n.l5);
  }

  public BigInteger toBigInteger() {
    byte[] b = new byte[64];
    toBytes(b, 0);
    return new BigInteger(1, b);
  }

  public boolean isZero() {
    return (l0 | l1 | l2 | l3 | l4 | l5) == 0;
  }

  /** sgn0 of RFC 9380 section 4.1: the parity of the (canonical) value. */
  public int sgn0() {
    return (int) (fromMontgomery().l0 & 1);
  }

  public Fp add(Fp o) {
    // p < 2^381, so the sum of two reduced values fits in 384 bits
    long s0 = l0 + o.l0;
    long c = carryOut(l0, o.l0, s0);
    long s1 = l1 + o.l1 + c;
    c = carryOut(l1, o.l1, s1);
    long s2 = l2 + o.l2 + c;
    c = carryOut(l2, o.l2, s2);
    long s3 = l3 + o.l3 + c;
    c = carryOut(l3, o.l3, s3);
    long s4 = l4 + o.l4 + c;
    c = carryOut(l4, o.l4, s4);
    long s5 = l5 + o.l5 + c;
    return reduceOnce(s0, s1, s2, s3, s4, s5);
  }

  public Fp dbl() {
    return add(this);
  }

  public Fp sub(Fp o) {
    long d0 = l0 - o.l0;
    long b = borrowOut(l0, o.l0, d0);
    long d1 = l1 - o.l1 - b;
    b = borrowOut(l1, o.l1, d1);
    long d2 = l2 - o.l2 - b;
    b = borrowOut(l2, o.l2, d2);
    long d3 = l3 - o.l3 - b;
    b = borrowOut(l3, o.l3, d3);
    long d4 = l4 - o.l4 - b;
    b = borrowOut(l4, o.l4, d4);
    long d5 = l5 - o.l5 - b;
    b = borrowOut(l5, o.l5, d5);
    // add p back when the subtraction borrowed (branch-free: mask is all ones or zero)
    long mask = -b;
    long p0 = P0 & mask;
    long p1 = P1 & mask;
    long p2 = P2 & mask;
    long p3 = P3 & mask;
    long p4 = P4 & mask;
    long p5 = P5 & mask;
    long s0 = d0 + p0;
    long c = carryOut(d0, p0, s0);
    long s1 = d1 + p1 + c;
    c = carryOut(d1, p1, s1);
    long s2 = d2 + p2 + c;
    c = carryOut(d2, p2, s2);
    long s3 = d3 + p3 + c;
    c = carryOut(d3, p3, s3);
    long s4 = d4 + p4 + c;
    c = carryOut(d4, p4, s4);
    long s5 = d5 + p5 + c;
    return new Fp(s0, s1, s2, s3, s4, s5);
  }

  public Fp neg() {
    return isZero() ? this : ZERO.sub(this);
  }

  public Fp square() {
    return mul(this);
  }

  /**
   * Montgomery multiplication (CIOS; the top limb of p leaves bits free, so no extra carry
   * word is needed).
   */
  public Fp mul(Fp o) {
    long a0 = l0;
    long a1 = l1;
    long a2 = l2;
    long a3 = l3;
    long a4 = l4;
    long a5 = l5;
    long t0 = 0;
    long t1 = 0;
    long t2 = 0;
    long t3 = 0;
    long t4 = 0;
    long t5 = 0;
    long b0 = o.l0;
    long b1 = o.l1;
    long b2 = o.l2;
    long b3 = o.l3;
    long b4 = o.l4;
    long b5 = o.l5;
    for (int i = 0; i < 6; i++) {
      long bi = b0; // the limbs of o, one per round
      b0 = b1;
      b1 = b2;
      b2 = b3;
      b3 = b4;
      b4 = b5;
      // j = 0: (A, t0) = t0 + a0*bi; m = t0 * INV; (C, _) = t0 + m*P0
      long lo = a0 * bi;
      long hi = Math.unsignedMultiplyHigh(a0, bi);
      lo += t0;
      hi += Long.compareUnsigned(lo, t0) < 0 ? 1 : 0;
      t0 = lo;
      long carryA = hi;
      long m = t0 * INV;
      lo = m * P0;
      hi = Math.unsignedMultiplyHigh(m, P0);
      lo += t0;
      hi += Long.compareUnsigned(lo, t0) < 0 ? 1 : 0;
      long carryC = hi;
      // j = 1
      lo = a1 * bi;
      hi = Math.unsignedMultiplyHigh(a1, bi);
      lo += t1;
      hi += Long.compareUnsigned(lo, t1) < 0 ? 1 : 0;
      lo += carryA;
      hi += Long.compareUnsigned(lo, carryA) < 0 ? 1 : 0;
      carryA = hi;
      t1 = lo;
      lo = m * P1;
      hi = Math.unsignedMultiplyHigh(m, P1);
      lo += t1;
      hi += Long.compareUnsigned(lo, t1) < 0 ? 1 : 0;
      lo += carryC;
      hi += Long.compareUnsigned(lo, carryC) < 0 ? 1 : 0;
      carryC = hi;
      t0 = lo;
      // j = 2
      lo = a2 * bi;
      hi = Math.unsignedMultiplyHigh(a2, bi);
      lo += t2;
      hi += Long.compareUnsigned(lo, t2) < 0 ? 1 : 0;
      lo += carryA;
      hi += Long.compareUnsigned(lo, carryA) < 0 ? 1 : 0;
      carryA = hi;
      t2 = lo;
      lo = m * P2;
      hi = Math.unsignedMultiplyHigh(m, P2);
      lo += t2;
      hi += Long.compareUnsigned(lo, t2) < 0 ? 1 : 0;
      lo += carryC;
      hi += Long.compareUnsigned(lo, carryC) < 0 ? 1 : 0;
      carryC = hi;
      t1 = lo;
      // j = 3
      lo = a3 * bi;
      hi = Math.unsignedMultiplyHigh(a3, bi);
      lo += t3;
      hi += Long.compareUnsigned(lo, t3) < 0 ? 1 : 0;
      lo += carryA;
      hi += Long.compareUnsigned(lo, carryA) < 0 ? 1 : 0;
      carryA = hi;
      t3 = lo;
      lo = m * P3;
      hi = Math.unsignedMultiplyHigh(m, P3);
      lo += t3;
      hi += Long.compareUnsigned(lo, t3) < 0 ? 1 : 0;
      lo += carryC;
      hi += Long.compareUnsigned(lo, carryC) < 0 ? 1 : 0;
      carryC = hi;
      t2 = lo;
      // j = 4
      lo = a4 * bi;
      hi = Math.unsignedMultiplyHigh(a4, bi);
      lo += t4;
      hi += Long.compareUnsigned(lo, t4) < 0 ? 1 : 0;
      lo += carryA;
      hi += Long.compareUnsigned(lo, carryA) < 0 ? 1 : 0;
      carryA = hi;
      t4 = lo;
      lo = m * P4;
      hi = Math.unsignedMultiplyHigh(m, P4);
      lo += t4;
      hi += Long.compareUnsigned(lo, t4) < 0 ? 1 : 0;
      lo += carryC;
      hi += Long.compareUnsigned(lo, carryC) < 0 ? 1 : 0;
      carryC = hi;
      t3 = lo;
      // j = 5
      lo = a5 * bi;
      hi = Math.unsignedMultiplyHigh(a5, bi);
      lo += t5;
      hi += Long.compareUnsigned(lo, t5) < 0 ? 1 : 0;
      lo += carryA;
      hi += Long.compareUnsigned(lo, carryA) < 0 ? 1 : 0;
      carryA = hi;
      t5 = lo;
      lo = m * P5;
      hi = Math.unsignedMultiplyHigh(m, P5);
      lo += t5;
      hi += Long.compareUnsigned(lo, t5) < 0 ? 1 : 0;
      lo += carryC;
      hi += Long.compareUnsigned(lo, carryC) < 0 ? 1 : 0;
      carryC = hi;
      t4 = lo;
      t5 = carryC + carryA;
    }
    return reduceOnce(t0, t1, t2, t3, t4, t5);
  }


  /** The multiplicative inverse; the inverse of zero is taken to be zero. */
  public Fp inverse() {
    if (isZero()) {
      return ZERO;
    }
    return of(toBigInteger().modInverse(MODULUS));
  }

  public Fp pow(BigInteger exponent) {
    Fp result = ONE;
    for (int i = exponent.bitLength() - 1; i >= 0; i--) {
      result = result.square();
      if (exponent.testBit(i)) {
        result = result.mul(this);
      }
    }
    return result;
  }

  /** A square root, or null when this is not a square. */
  public Fp sqrt() {
    Fp root = pow(SQRT_EXPONENT);
    return root.square().equals(this) ? root : null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fp f
        && f.l0 == l0
        && f.l1 == l1
        && f.l2 == l2
        && f.l3 == l3
        && f.l4 == l4
        && f.l5 == l5;
  }

  @Override
  public int hashCode() {
    long h = l0;
    h = h * 31 + l1;
    h = h * 31 + l2;
    h = h * 31 + l3;
    h = h * 31 + l4;
    return Long.hashCode(h * 31 + l5);
  }

  @Override
  public String toString() {
    return "0x" + toBigInteger().toString(16);
  }

  private Fp fromMontgomery() {
    return mul(new Fp(1, 0, 0, 0, 0, 0));
  }

  /** Limbs of a value below p without conversion (Montgomery form of value / R). */
  private static Fp raw(BigInteger value) {
    long[] w = new long[6];
    for (int i = 0; i < 6; i++) {
      w[i] = value.shiftRight(64 * i).longValue();
    }
    return new Fp(w[0], w[1], w[2], w[3], w[4], w[5]);
  }

  /** s mod p for s < 2p: subtracts p unless that borrows (branch-free). */
  private static Fp reduceOnce(long s0, long s1, long s2, long s3, long s4, long s5) {
    long d0 = s0 - P0;
    long b = borrowOut(s0, P0, d0);
    long d1 = s1 - P1 - b;
    b = borrowOut(s1, P1, d1);
    long d2 = s2 - P2 - b;
    b = borrowOut(s2, P2, d2);
    long d3 = s3 - P3 - b;
    b = borrowOut(s3, P3, d3);
    long d4 = s4 - P4 - b;
    b = borrowOut(s4, P4, d4);
    long d5 = s5 - P5 - b;
    b = borrowOut(s5, P5, d5);
    long keep = -b; // all ones when s < p
    return new Fp(
        (s0 & keep) | (d0 & ~keep),
        (s1 & keep) | (d1 & ~keep),
        (s2 & keep) | (d2 & ~keep),
        (s3 & keep) | (d3 & ~keep),
        (s4 & keep) | (d4 & ~keep),
        (s5 & keep) | (d5 & ~keep));
  }

  private static boolean lessThanP(long w0, long w1, long w2, long w3, long w4, long w5) {
    if (w5 != P5) {
      return Long.compareUnsigned(w5, P5) < 0;
    }
    if (w4 != P4) {
      return Long.compareUnsigned(w4, P4) < 0;
    }
    if (w3 != P3) {
      return Long.compareUnsigned(w3, P3) < 0;
    }
    if (w2 != P2) {
      return Long.compareUnsigned(w2, P2) < 0;
    }
    if (w1 != P1) {
      return Long.compareUnsigned(w1, P1) < 0;
    }
    return Long.compareUnsigned(w0, P0) < 0;
  }

  /** The carry out of {@code sum = x + y + carryIn} (any carryIn of 0 or 1), as 0 or 1. */
  private static long carryOut(long x, long y, long sum) {
    return ((x & y) | ((x | y) & ~sum)) >>> 63;
  }

  /** The borrow out of {@code diff = x - y - borrowIn} (any borrowIn of 0 or 1), as 0 or 1. */
  private static long borrowOut(long x, long y, long diff) {
    return ((~x & y) | (~(x ^ y) & diff)) >>> 63;
  }

  private static long readLong(byte[] in, int offset) {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (in[offset + i] & 0xFF);
    }
    return v;
  }

  private static void writeLong(byte[] out, int offset, long v) {
    for (int i = 7; i >= 0; i--) {
      out[offset + i] = (byte) v;
      v >>>= 8;
    }
  }
}
