package org.evmjit.plugin.bench;

/**
 * A frozen copy of {@code org.evmjit.evm.word.Uint256} as it was on main before issue #21, kept
 * only as the JMH baseline of {@link WordOpsBenchmark} so that old and new code are measured in
 * the same run on a loaded machine. Not used by the product. Only the operations the benchmark
 * measures are kept.
 *
 * <p>Original class comment follows.
 *
 * 256-bit EVM arithmetic on raw limbs, shared by the interpreter and by generated JVM code.
 *
 * <h2>Layout contract</h2>
 *
 * A 256-bit value occupies four consecutive {@code long}s of a {@code long[]} at an offset
 * {@code o}: {@code s[o]} holds the least significant 64 bits, {@code s[o + 3]} the most
 * significant 64 bits. Each limb is an unsigned 64-bit quantity stored in a Java {@code long};
 * signed (two's complement) operations interpret bit 63 of {@code s[o + 3]} as the sign.
 *
 * <p>The EVM operand stack is such an array. For a binary opcode the top of the stack
 * &mu;s[0] is at offset {@code a} and the next item &mu;s[1] at offset {@code b} (on the real
 * stack {@code b == a - 4}, but every method here works for any offsets). Every binary operation
 * computes {@code op(μs[0], μs[1])} and writes the result at {@code b}, the slot that becomes the
 * new top of stack after the pop. The ternary operations ({@link #addmod}, {@link #mulmod}) take
 * &mu;s[2] at {@code n} and write the result there. Unary operations ({@link #iszero},
 * {@link #not}) work in place.
 *
 * <p>Every operation reads all of its operands before it writes anything, so overlapping or even
 * identical operand offsets are safe (e.g. {@code add(s, a, a)} doubles the value at {@code a}).
 * Only the result slot is written; the slot of a popped operand is left unchanged.
 *
 * <h2>Performance notes</h2>
 *
 * No method allocates, and none keeps state: all methods are thread safe. The simple operations
 * (everything except the division family, ADDMOD, MULMOD and EXP) compile to well under 325 bytes
 * of bytecode, so HotSpot inlines them into the interpreter loop or into generated code.
 *
 * <p>Fast paths: MUL, DIV, MOD, SDIV, SMOD, ADDMOD and MULMOD on operands that fit in 64 bits use
 * one multiplication or a hardware {@code Long.divideUnsigned}/{@code remainderUnsigned}; a divisor
 * larger than the dividend returns at once; ADDMOD with both operands already reduced needs at most
 * one subtraction; EXP handles exponents 0 and 1, bases 0 and 1, powers of two, and any even base
 * whose power certainly overflows 2^256, without multiplying.
 *
 * <p>The general division path is Knuth's algorithm D over 64-bit limbs held in local variables
 * (a 5-limb window sliding over the dividend, so a 512-bit MULMOD product needs no array), with the
 * Möller–Granlund reciprocal ("Improved division by invariant integers", 2011) to divide 128 by 64
 * bits using multiplications only. EXP is left-to-right square-and-multiply, accumulating in the
 * result slot {@code b} itself.
 */
final class Uint256Baseline {

  private Uint256Baseline() {}

  // ------------------------------------------------------------------------------------------
  // Limb helpers (all tiny, so HotSpot inlines them)
  // ------------------------------------------------------------------------------------------

  /** Carry out of {@code x + y (+ carry-in)} given the wrapped sum; valid with a carry-in too. */
  private static long carry(long x, long y, long sum) {
    return ((x & y) | ((x | y) & ~sum)) >>> 63;
  }

  /** 1 if {@code x < y} unsigned, else 0 (C2 compiles this to a compare and a setcc/cmov). */
  private static long ltU(long x, long y) {
    return Long.compareUnsigned(x, y) < 0 ? 1L : 0L;
  }

  /**
   * Carry out of {@code sum = x + y} without carry-in. Where it applies this is faster than
   * {@link #carry}; in the subtract-and-correct step of division the bit formulas measured faster.
   */
  private static long cmpCarry(long x, long sum) {
    return ltU(sum, x);
  }

  /** Borrow out of {@code x - y (- borrow-in)} given the wrapped difference; valid with a borrow-in. */
  private static long borrow(long x, long y, long diff) {
    return ((~x & y) | (~(x ^ y) & diff)) >>> 63;
  }

  /** {@code x >>> (64 - sh)} for {@code sh} in [0, 63]: 0 when {@code sh == 0}. */
  private static long spill(long x, int sh) {
    return (x >>> 1) >>> (63 - sh);
  }

  /** {@code x << (64 - sh)} for {@code sh} in [0, 63]: 0 when {@code sh == 0}. */
  private static long spillDown(long x, int sh) {
    return (x << 1) << (63 - sh);
  }

  /** 1 if x &lt; y (unsigned 256-bit), else 0. Top limbs first: they usually decide. */
  private static long ltBit(
      long x0, long x1, long x2, long x3, long y0, long y1, long y2, long y3) {
    if (x3 != y3) return ltU(x3, y3);
    if (x2 != y2) return ltU(x2, y2);
    if (x1 != y1) return ltU(x1, y1);
    return ltU(x0, y0);
  }

  private static void setSmall(long[] s, int o, long v) {
    s[o] = v;
    s[o + 1] = 0;
    s[o + 2] = 0;
    s[o + 3] = 0;
  }

  /** Copies the value at {@code from} to {@code to} (overlap safe). */
  public static void copy(long[] s, int from, int to) {
    long w0 = s[from], w1 = s[from + 1], w2 = s[from + 2], w3 = s[from + 3];
    s[to] = w0;
    s[to + 1] = w1;
    s[to + 2] = w2;
    s[to + 3] = w3;
  }

  // ------------------------------------------------------------------------------------------
  // ADD, SUB, MUL
  // ------------------------------------------------------------------------------------------

  /** MUL: {@code s[b] = μs[0] * μs[1] mod 2^256}. */
  public static void mul(long[] s, int a, int b) {
    long x0 = s[a], x1 = s[a + 1], x2 = s[a + 2], x3 = s[a + 3];
    long y0 = s[b], y1 = s[b + 1], y2 = s[b + 2], y3 = s[b + 3];
    if ((x1 | x2 | x3 | y1 | y2 | y3) == 0) {
      s[b] = x0 * y0;
      s[b + 1] = Math.unsignedMultiplyHigh(x0, y0);
      s[b + 2] = 0;
      s[b + 3] = 0;
    } else {
      mulTo(s, b, x0, x1, x2, x3, y0, y1, y2, y3);
    }
  }

  /** Writes {@code x * y mod 2^256} at {@code o}. */
  private static void mulTo(
      long[] s, int o, long x0, long x1, long x2, long x3, long y0, long y1, long y2, long y3) {
    // Row y0: (r3 r2 r1 r0) = x * y0
    long r0 = x0 * y0;
    long c = Math.unsignedMultiplyHigh(x0, y0);
    long p = x1 * y0;
    long r1 = p + c;
    c = Math.unsignedMultiplyHigh(x1, y0) + cmpCarry(p, r1);
    p = x2 * y0;
    long r2 = p + c;
    c = Math.unsignedMultiplyHigh(x2, y0) + cmpCarry(p, r2);
    long r3 = x3 * y0 + c;
    // Row y1, shifted one limb
    p = x0 * y1;
    long t = r1 + p;
    c = Math.unsignedMultiplyHigh(x0, y1) + cmpCarry(r1, t);
    r1 = t;
    p = x1 * y1;
    t = p + c;
    long h = Math.unsignedMultiplyHigh(x1, y1) + cmpCarry(p, t);
    long u = r2 + t;
    h += cmpCarry(r2, u);
    r2 = u;
    r3 += x2 * y1 + h;
    // Row y2, shifted two limbs
    p = x0 * y2;
    t = r2 + p;
    c = Math.unsignedMultiplyHigh(x0, y2) + cmpCarry(r2, t);
    r2 = t;
    r3 += x1 * y2 + c;
    // Row y3
    r3 += x0 * y3;
    s[o] = r0;
    s[o + 1] = r1;
    s[o + 2] = r2;
    s[o + 3] = r3;
  }

  // ------------------------------------------------------------------------------------------
  // DIV, SDIV, MOD, SMOD
  // ------------------------------------------------------------------------------------------

  /** DIV: {@code s[b] = μs[0] / μs[1]}, 0 when the divisor is 0. */
  public static void div(long[] s, int a, int b) {
    divmod(s, b, false,
        s[a], s[a + 1], s[a + 2], s[a + 3], s[b], s[b + 1], s[b + 2], s[b + 3]);
  }

  /** MOD: {@code s[b] = μs[0] mod μs[1]}, 0 when the modulus is 0. */
  public static void mod(long[] s, int a, int b) {
    divmod(s, b, true,
        s[a], s[a + 1], s[a + 2], s[a + 3], s[b], s[b + 1], s[b + 2], s[b + 3]);
  }

  /**
   * SDIV: signed division truncating toward zero, 0 when the divisor is 0; {@code -2^255 / -1}
   * overflows to {@code -2^255}.
   */
  public static void sdiv(long[] s, int a, int b) {
    long x0 = s[a], x1 = s[a + 1], x2 = s[a + 2], x3 = s[a + 3];
    long y0 = s[b], y1 = s[b + 1], y2 = s[b + 2], y3 = s[b + 3];
    boolean negative = (x3 ^ y3) < 0;
    if (x3 < 0) {
      x0 = ~x0;
      x1 = ~x1;
      x2 = ~x2;
      x3 = ~x3;
      if (++x0 == 0 && ++x1 == 0 && ++x2 == 0) ++x3;
    }
    if (y3 < 0) {
      y0 = ~y0;
      y1 = ~y1;
      y2 = ~y2;
      y3 = ~y3;
      if (++y0 == 0 && ++y1 == 0 && ++y2 == 0) ++y3;
    }
    divmod(s, b, false, x0, x1, x2, x3, y0, y1, y2, y3);
    if (negative) negate(s, b);
  }

  /** SMOD: signed remainder whose sign follows the dividend μs[0]; 0 when the modulus is 0. */
  public static void smod(long[] s, int a, int b) {
    long x0 = s[a], x1 = s[a + 1], x2 = s[a + 2], x3 = s[a + 3];
    long y0 = s[b], y1 = s[b + 1], y2 = s[b + 2], y3 = s[b + 3];
    boolean negative = x3 < 0;
    if (negative) {
      x0 = ~x0;
      x1 = ~x1;
      x2 = ~x2;
      x3 = ~x3;
      if (++x0 == 0 && ++x1 == 0 && ++x2 == 0) ++x3;
    }
    if (y3 < 0) {
      y0 = ~y0;
      y1 = ~y1;
      y2 = ~y2;
      y3 = ~y3;
      if (++y0 == 0 && ++y1 == 0 && ++y2 == 0) ++y3;
    }
    divmod(s, b, true, x0, x1, x2, x3, y0, y1, y2, y3);
    if (negative) negate(s, b);
  }

  /** Two's complement negation in place. */
  private static void negate(long[] s, int o) {
    long x0 = ~s[o], x1 = ~s[o + 1], x2 = ~s[o + 2], x3 = ~s[o + 3];
    if (++x0 == 0 && ++x1 == 0 && ++x2 == 0) ++x3;
    s[o] = x0;
    s[o + 1] = x1;
    s[o + 2] = x2;
    s[o + 3] = x3;
  }

  /**
   * Unsigned 256-bit division: writes {@code u / v} (or {@code u mod v} when {@code rem}) at
   * {@code out}; writes 0 when {@code v == 0}.
   */
  private static void divmod(long[] s, int out, boolean rem,
      long u0, long u1, long u2, long u3, long v0, long v1, long v2, long v3) {
    if ((v1 | v2 | v3) == 0) {
      if (v0 == 0) {
        setSmall(s, out, 0);
      } else if ((u1 | u2 | u3) == 0) {
        setSmall(s, out, rem ? Long.remainderUnsigned(u0, v0) : Long.divideUnsigned(u0, v0));
      } else {
        divSmall(s, out, rem, u0, u1, u2, u3, 0, 0, 0, 0, v0);
      }
    } else if (ltBit(u0, u1, u2, u3, v0, v1, v2, v3) != 0) {
      if (rem) {
        s[out] = u0;
        s[out + 1] = u1;
        s[out + 2] = u2;
        s[out + 3] = u3;
      } else {
        setSmall(s, out, 0);
      }
    } else {
      divLarge(s, out, rem, u0, u1, u2, u3, 0, 0, 0, 0, v0, v1, v2, v3);
    }
  }

  /** Writes {@code u mod m} for a 512-bit {@code u} at {@code out}; {@code m != 0}. */
  private static void modWide(long[] s, int out,
      long u0, long u1, long u2, long u3, long u4, long u5, long u6, long u7,
      long m0, long m1, long m2, long m3) {
    if ((u4 | u5 | u6 | u7) == 0) {
      divmod(s, out, true, u0, u1, u2, u3, m0, m1, m2, m3);
    } else if ((m1 | m2 | m3) == 0) {
      divSmall(s, out, true, u0, u1, u2, u3, u4, u5, u6, u7, m0);
    } else {
      divLarge(s, out, true, u0, u1, u2, u3, u4, u5, u6, u7, m0, m1, m2, m3);
    }
  }

  /**
   * Division of a 512-bit {@code u} by a single non-zero limb {@code d}; writes the remainder
   * (when {@code rem}) or the low 256 bits of the quotient.
   */
  private static void divSmall(long[] s, int out, boolean rem,
      long u0, long u1, long u2, long u3, long u4, long u5, long u6, long u7, long d) {
    int sh = Long.numberOfLeadingZeros(d);
    long dn = d << sh;
    long v = reciprocal2by1(dn);
    long r, n, q, q3 = 0, q2 = 0;
    if ((u2 | u3 | u4 | u5 | u6 | u7) == 0) { // 128-bit dividend: two steps
      r = spill(u1, sh);
    } else {
      if ((u4 | u5 | u6 | u7) != 0) { // only the remainder is wanted in this case
        r = spill(u7, sh);
        n = (u7 << sh) | spill(u6, sh);
        q = div2by1(r, n, dn, v);
        r = n - q * dn;
        n = (u6 << sh) | spill(u5, sh);
        q = div2by1(r, n, dn, v);
        r = n - q * dn;
        n = (u5 << sh) | spill(u4, sh);
        q = div2by1(r, n, dn, v);
        r = n - q * dn;
        n = (u4 << sh) | spill(u3, sh);
        q = div2by1(r, n, dn, v);
        r = n - q * dn;
      } else {
        r = spill(u3, sh);
      }
      n = (u3 << sh) | spill(u2, sh);
      q3 = div2by1(r, n, dn, v);
      r = n - q3 * dn;
      n = (u2 << sh) | spill(u1, sh);
      q2 = div2by1(r, n, dn, v);
      r = n - q2 * dn;
    }
    n = (u1 << sh) | spill(u0, sh);
    long q1 = div2by1(r, n, dn, v);
    r = n - q1 * dn;
    n = u0 << sh;
    long q0 = div2by1(r, n, dn, v);
    r = n - q0 * dn;
    if (rem) {
      setSmall(s, out, r >>> sh);
    } else {
      s[out] = q0;
      s[out + 1] = q1;
      s[out + 2] = q2;
      s[out + 3] = q3;
    }
  }

  /**
   * Knuth algorithm D for a divisor of 2 to 4 limbs and a dividend of up to 8 limbs (the quotient
   * is only produced, when {@code !rem}, for dividends of up to 4 limbs).
   *
   * <p>The divisor is normalized and aligned so that its top limb sits in {@code d3}; the
   * current 5-limb window of the (normalized) dividend is {@code w4..w0} and the limbs still to
   * come are queued in {@code p3..p0} (followed by zeros). Each step finds one quotient digit,
   * subtracts, and shifts the window up one limb, so all positions are fixed and everything
   * stays in local variables.
   */
  private static void divLarge(long[] s, int out, boolean rem,
      long u0, long u1, long u2, long u3, long u4, long u5, long u6, long u7,
      long v0, long v1, long v2, long v3) {
    int n, sh;
    long d0, d1, d2, d3;
    if (v3 != 0) {
      n = 4;
      sh = Long.numberOfLeadingZeros(v3);
      d3 = (v3 << sh) | spill(v2, sh);
      d2 = (v2 << sh) | spill(v1, sh);
      d1 = (v1 << sh) | spill(v0, sh);
      d0 = v0 << sh;
    } else if (v2 != 0) {
      n = 3;
      sh = Long.numberOfLeadingZeros(v2);
      d3 = (v2 << sh) | spill(v1, sh);
      d2 = (v1 << sh) | spill(v0, sh);
      d1 = v0 << sh;
      d0 = 0;
    } else {
      n = 2;
      sh = Long.numberOfLeadingZeros(v1);
      d3 = (v1 << sh) | spill(v0, sh);
      d2 = v0 << sh;
      d1 = 0;
      d0 = 0;
    }
    long rcp = reciprocal2by1(d3);

    long w0, w1, w2, w3, w4, p0 = 0, p1 = 0, p2 = 0, p3 = 0;
    int steps;
    if ((u4 | u5 | u6 | u7) == 0) {
      w4 = spill(u3, sh);
      w3 = (u3 << sh) | spill(u2, sh);
      w2 = (u2 << sh) | spill(u1, sh);
      w1 = (u1 << sh) | spill(u0, sh);
      w0 = u0 << sh;
      steps = 5 - n;
    } else {
      w4 = spill(u7, sh);
      w3 = (u7 << sh) | spill(u6, sh);
      w2 = (u6 << sh) | spill(u5, sh);
      w1 = (u5 << sh) | spill(u4, sh);
      w0 = (u4 << sh) | spill(u3, sh);
      p3 = (u3 << sh) | spill(u2, sh);
      p2 = (u2 << sh) | spill(u1, sh);
      p1 = (u1 << sh) | spill(u0, sh);
      p0 = u0 << sh;
      steps = 9 - n;
    }

    long q0 = 0, q1 = 0, q2 = 0;
    for (int i = 0; ; ) {
      long q, x0, x1, x2, x3;
      if (w4 == 0 && Long.compareUnsigned(w3, d3) < 0) { // window < d: the digit is 0
        q = 0;
        x0 = w0;
        x1 = w1;
        x2 = w2;
        x3 = w3;
      } else {
        q = quotientDigit(w4, w3, w2, d3, d2, rcp);
        // (t4..t0) = q * d
        long m = q * d0;
        long c = Math.unsignedMultiplyHigh(q, d0);
        long t0 = m;
        m = q * d1;
        long t1 = m + c;
        c = Math.unsignedMultiplyHigh(q, d1) + cmpCarry(m, t1);
        m = q * d2;
        long t2 = m + c;
        c = Math.unsignedMultiplyHigh(q, d2) + cmpCarry(m, t2);
        m = q * d3;
        long t3 = m + c;
        long t4 = Math.unsignedMultiplyHigh(q, d3) + cmpCarry(m, t3);
        // w -= q * d
        x0 = w0 - t0;
        long br = borrow(w0, t0, x0);
        x1 = w1 - t1 - br;
        br = borrow(w1, t1, x1);
        x2 = w2 - t2 - br;
        br = borrow(w2, t2, x2);
        x3 = w3 - t3 - br;
        br = borrow(w3, t3, x3);
        long x4 = w4 - t4 - br;
        if (borrow(w4, t4, x4) != 0) { // q was one too large: add the divisor back
          q--;
          long y = x0 + d0;
          c = carry(x0, d0, y);
          x0 = y;
          y = x1 + d1 + c;
          c = carry(x1, d1, y);
          x1 = y;
          y = x2 + d2 + c;
          c = carry(x2, d2, y);
          x2 = y;
          x3 = x3 + d3 + c;
        }
      }
      q2 = q1;
      q1 = q0;
      q0 = q;
      if (++i == steps) {
        w0 = x0;
        w1 = x1;
        w2 = x2;
        w3 = x3;
        break;
      }
      // the remainder is below d, so its limb 4 is zero: shift the window up one limb
      w4 = x3;
      w3 = x2;
      w2 = x1;
      w1 = x0;
      w0 = p3;
      p3 = p2;
      p2 = p1;
      p1 = p0;
      p0 = 0;
    }

    if (rem) {
      // window = (remainder << sh) << 64 * (4 - n)
      long r0, r1, r2, r3;
      if (n == 4) {
        r0 = w0;
        r1 = w1;
        r2 = w2;
        r3 = w3;
      } else if (n == 3) {
        r0 = w1;
        r1 = w2;
        r2 = w3;
        r3 = 0;
      } else {
        r0 = w2;
        r1 = w3;
        r2 = 0;
        r3 = 0;
      }
      s[out] = (r0 >>> sh) | spillDown(r1, sh);
      s[out + 1] = (r1 >>> sh) | spillDown(r2, sh);
      s[out + 2] = (r2 >>> sh) | spillDown(r3, sh);
      s[out + 3] = r3 >>> sh;
    } else {
      s[out] = q0;
      s[out + 1] = q1;
      s[out + 2] = q2;
      s[out + 3] = 0;
    }
  }

  /**
   * Knuth's estimate of {@code (u2 u1 u0) / (d1 d0 ...)} refined with the second divisor limb
   * (steps D3): the result is the true digit or one too large. Requires {@code d1} normalized,
   * {@code (u2, u1) <= (d1, d0)} and {@code v = reciprocal2by1(d1)}.
   */
  private static long quotientDigit(long u2, long u1, long u0, long d1, long d0, long v) {
    long q, r;
    if (u2 == d1) {
      q = -1L; // the 2-by-1 quotient would not fit: use B - 1
      r = u1 + d1;
      if (Long.compareUnsigned(r, d1) < 0) return q; // rhat >= B: no further test applies
    } else {
      q = div2by1(u2, u1, d1, v);
      r = u1 - q * d1;
    }
    while (true) { // at most two iterations
      long ph = Math.unsignedMultiplyHigh(q, d0);
      if (Long.compareUnsigned(ph, r) < 0
          || (ph == r && Long.compareUnsigned(q * d0, u0) <= 0)) {
        return q;
      }
      q--;
      long r2 = r + d1;
      if (Long.compareUnsigned(r2, r) < 0) return q; // rhat >= B
      r = r2;
    }
  }

  /**
   * Quotient of the 128-bit {@code (u1, u0)} by the normalized {@code d} (bit 63 set), given
   * {@code u1 < d} and {@code v = reciprocal2by1(d)}; the remainder is {@code u0 - q * d}.
   * Möller–Granlund, algorithm 4.
   */
  static long div2by1(long u1, long u0, long d, long v) {
    long ql = v * u1;
    long qh = Math.unsignedMultiplyHigh(v, u1);
    long t = ql + u0;
    qh += u1 + carry(ql, u0, t) + 1;
    ql = t;
    long r = u0 - qh * d;
    // r > ql (unsigned) happens about half the time: correct without a branch
    long mask = -borrow(ql, r, ql - r);
    qh += mask;
    r += mask & d;
    if (Long.compareUnsigned(r, d) >= 0) { // rare
      qh++;
    }
    return qh;
  }

  private static final int[] RECIPROCAL_TABLE = new int[256];

  static {
    for (int i = 0; i < 256; i++) {
      RECIPROCAL_TABLE[i] = 0x7fd00 / (256 + i);
    }
  }

  /**
   * {@code floor((2^128 - 1) / d) - 2^64} for a normalized {@code d} (bit 63 set), computed with
   * multiplications only (Möller–Granlund, algorithm 2, as in intx).
   */
  static long reciprocal2by1(long d) {
    long v0 = RECIPROCAL_TABLE[(int) (d >>> 55) - 256];
    long d40 = (d >>> 24) + 1;
    long v1 = (v0 << 11) - ((v0 * v0 * d40) >>> 40) - 1;
    long v2 = (v1 << 13) + ((v1 * (0x1000000000000000L - v1 * d40)) >>> 47);
    long d0 = d & 1;
    long d63 = (d >>> 1) + d0;
    long e = ((v2 >>> 1) & -d0) - v2 * d63;
    long v3 = (Math.unsignedMultiplyHigh(v2, e) >>> 1) + (v2 << 31);
    long lo = v3 * d;
    long hi = Math.unsignedMultiplyHigh(v3, d);
    long lo2 = lo + d;
    hi += carry(lo, d, lo2);
    return v3 - hi - d;
  }

  // ------------------------------------------------------------------------------------------
  // ADDMOD, MULMOD
  // ------------------------------------------------------------------------------------------

  /**
   * ADDMOD: {@code s[n] = (μs[0] + μs[1]) mod μs[2]} with the sum taken in 257 bits (no wrap);
   * 0 when the modulus is 0.
   */
  public static void addmod(long[] s, int a, int b, int n) {
    long x0 = s[a], x1 = s[a + 1], x2 = s[a + 2], x3 = s[a + 3];
    long y0 = s[b], y1 = s[b + 1], y2 = s[b + 2], y3 = s[b + 3];
    long m0 = s[n], m1 = s[n + 1], m2 = s[n + 2], m3 = s[n + 3];
    long r0 = x0 + y0;
    long c = carry(x0, y0, r0);
    long r1 = x1 + y1 + c;
    c = carry(x1, y1, r1);
    long r2 = x2 + y2 + c;
    c = carry(x2, y2, r2);
    long r3 = x3 + y3 + c;
    c = carry(x3, y3, r3);
    if ((ltBit(x0, x1, x2, x3, m0, m1, m2, m3) & ltBit(y0, y1, y2, y3, m0, m1, m2, m3)) != 0) {
      // both operands reduced (so m != 0): the sum is below 2m, at most one subtraction
      if ((c | (1 - ltBit(r0, r1, r2, r3, m0, m1, m2, m3))) != 0) {
        long t = r0 - m0;
        long br = borrow(r0, m0, t);
        r0 = t;
        t = r1 - m1 - br;
        br = borrow(r1, m1, t);
        r1 = t;
        t = r2 - m2 - br;
        br = borrow(r2, m2, t);
        r2 = t;
        r3 = r3 - m3 - br;
      }
      s[n] = r0;
      s[n + 1] = r1;
      s[n + 2] = r2;
      s[n + 3] = r3;
    } else if ((m0 | m1 | m2 | m3) == 0) {
      setSmall(s, n, 0);
    } else {
      modWide(s, n, r0, r1, r2, r3, c, 0, 0, 0, m0, m1, m2, m3);
    }
  }

  /**
   * MULMOD: {@code s[n] = (μs[0] * μs[1]) mod μs[2]} with the full 512-bit product; 0 when the
   * modulus is 0.
   */
  public static void mulmod(long[] s, int a, int b, int n) {
    long x0 = s[a], x1 = s[a + 1], x2 = s[a + 2], x3 = s[a + 3];
    long y0 = s[b], y1 = s[b + 1], y2 = s[b + 2], y3 = s[b + 3];
    long m0 = s[n], m1 = s[n + 1], m2 = s[n + 2], m3 = s[n + 3];
    if ((m0 | m1 | m2 | m3) == 0) {
      setSmall(s, n, 0);
    } else if ((x1 | x2 | x3 | y1 | y2 | y3) == 0) {
      divmod(s, n, true,
          x0 * y0, Math.unsignedMultiplyHigh(x0, y0), 0, 0, m0, m1, m2, m3);
    } else {
      mulModWide(s, n, x0, x1, x2, x3, y0, y1, y2, y3, m0, m1, m2, m3);
    }
  }

  /** Full 512-bit product, then reduction. */
  private static void mulModWide(long[] s, int out,
      long x0, long x1, long x2, long x3, long y0, long y1, long y2, long y3,
      long m0, long m1, long m2, long m3) {
    // Row y0
    long r0 = x0 * y0;
    long c = Math.unsignedMultiplyHigh(x0, y0);
    long p = x1 * y0;
    long r1 = p + c;
    c = Math.unsignedMultiplyHigh(x1, y0) + cmpCarry(p, r1);
    p = x2 * y0;
    long r2 = p + c;
    c = Math.unsignedMultiplyHigh(x2, y0) + cmpCarry(p, r2);
    p = x3 * y0;
    long r3 = p + c;
    long r4 = Math.unsignedMultiplyHigh(x3, y0) + cmpCarry(p, r3);
    // Row y1
    long h, t, u;
    p = x0 * y1;
    t = r1 + p;
    c = Math.unsignedMultiplyHigh(x0, y1) + cmpCarry(r1, t);
    r1 = t;
    p = x1 * y1;
    t = p + c;
    h = Math.unsignedMultiplyHigh(x1, y1) + cmpCarry(p, t);
    u = r2 + t;
    c = h + cmpCarry(r2, u);
    r2 = u;
    p = x2 * y1;
    t = p + c;
    h = Math.unsignedMultiplyHigh(x2, y1) + cmpCarry(p, t);
    u = r3 + t;
    c = h + cmpCarry(r3, u);
    r3 = u;
    p = x3 * y1;
    t = p + c;
    h = Math.unsignedMultiplyHigh(x3, y1) + cmpCarry(p, t);
    u = r4 + t;
    long r5 = h + cmpCarry(r4, u);
    r4 = u;
    // Row y2
    p = x0 * y2;
    t = r2 + p;
    c = Math.unsignedMultiplyHigh(x0, y2) + cmpCarry(r2, t);
    r2 = t;
    p = x1 * y2;
    t = p + c;
    h = Math.unsignedMultiplyHigh(x1, y2) + cmpCarry(p, t);
    u = r3 + t;
    c = h + cmpCarry(r3, u);
    r3 = u;
    p = x2 * y2;
    t = p + c;
    h = Math.unsignedMultiplyHigh(x2, y2) + cmpCarry(p, t);
    u = r4 + t;
    c = h + cmpCarry(r4, u);
    r4 = u;
    p = x3 * y2;
    t = p + c;
    h = Math.unsignedMultiplyHigh(x3, y2) + cmpCarry(p, t);
    u = r5 + t;
    long r6 = h + cmpCarry(r5, u);
    r5 = u;
    // Row y3
    p = x0 * y3;
    t = r3 + p;
    c = Math.unsignedMultiplyHigh(x0, y3) + cmpCarry(r3, t);
    r3 = t;
    p = x1 * y3;
    t = p + c;
    h = Math.unsignedMultiplyHigh(x1, y3) + cmpCarry(p, t);
    u = r4 + t;
    c = h + cmpCarry(r4, u);
    r4 = u;
    p = x2 * y3;
    t = p + c;
    h = Math.unsignedMultiplyHigh(x2, y3) + cmpCarry(p, t);
    u = r5 + t;
    c = h + cmpCarry(r5, u);
    r5 = u;
    p = x3 * y3;
    t = p + c;
    h = Math.unsignedMultiplyHigh(x3, y3) + cmpCarry(p, t);
    u = r6 + t;
    long r7 = h + cmpCarry(r6, u);
    r6 = u;
    modWide(s, out, r0, r1, r2, r3, r4, r5, r6, r7, m0, m1, m2, m3);
  }

  // ------------------------------------------------------------------------------------------
  // EXP
  // ------------------------------------------------------------------------------------------

  /** EXP: {@code s[b] = μs[0] ** μs[1] mod 2^256} (base at {@code a}, exponent at {@code b}). */
  public static void exp(long[] s, int a, int b) {
    long x0 = s[a], x1 = s[a + 1], x2 = s[a + 2], x3 = s[a + 3];
    long e0 = s[b], e1 = s[b + 1], e2 = s[b + 2], e3 = s[b + 3];
    boolean smallExp = (e1 | e2 | e3) == 0;
    if (smallExp && Long.compareUnsigned(e0, 1) <= 0) { // x^0 = 1 (also 0^0), x^1 = x
      if (e0 == 0) {
        setSmall(s, b, 1);
      } else {
        s[b] = x0;
        s[b + 1] = x1;
        s[b + 2] = x2;
        s[b + 3] = x3;
      }
      return;
    }
    if ((x1 | x2 | x3) == 0 && Long.compareUnsigned(x0, 1) <= 0) { // 0^e = 0, 1^e = 1 (e >= 2)
      setSmall(s, b, x0);
      return;
    }
    // Even base x = 2^tz * odd: x^e has the factor 2^(tz * e), which is 0 mod 2^256 once tz*e >= 256.
    int tz = x0 != 0 ? Long.numberOfTrailingZeros(x0)
        : x1 != 0 ? 64 + Long.numberOfTrailingZeros(x1)
        : x2 != 0 ? 128 + Long.numberOfTrailingZeros(x2)
        : 192 + Long.numberOfTrailingZeros(x3);
    if (tz != 0) {
      if (!smallExp || Long.compareUnsigned(e0, 256) >= 0 || tz * (int) e0 >= 256) {
        setSmall(s, b, 0);
        return;
      }
      if (Long.bitCount(x0) + Long.bitCount(x1) + Long.bitCount(x2) + Long.bitCount(x3) == 1) {
        int bit = tz * (int) e0; // power of two base
        setSmall(s, b, 0);
        s[b + (bit >>> 6)] = 1L << bit;
        return;
      }
    }
    // Left-to-right square and multiply; the running result lives in the result slot b.
    s[b] = x0;
    s[b + 1] = x1;
    s[b + 2] = x2;
    s[b + 3] = x3;
    if (e3 != 0) {
      expBits(s, b, x0, x1, x2, x3, e3, 63 - Long.numberOfLeadingZeros(e3));
      expBits(s, b, x0, x1, x2, x3, e2, 64);
      expBits(s, b, x0, x1, x2, x3, e1, 64);
      expBits(s, b, x0, x1, x2, x3, e0, 64);
    } else if (e2 != 0) {
      expBits(s, b, x0, x1, x2, x3, e2, 63 - Long.numberOfLeadingZeros(e2));
      expBits(s, b, x0, x1, x2, x3, e1, 64);
      expBits(s, b, x0, x1, x2, x3, e0, 64);
    } else if (e1 != 0) {
      expBits(s, b, x0, x1, x2, x3, e1, 63 - Long.numberOfLeadingZeros(e1));
      expBits(s, b, x0, x1, x2, x3, e0, 64);
    } else {
      expBits(s, b, x0, x1, x2, x3, e0, 63 - Long.numberOfLeadingZeros(e0));
    }
  }

  /** For each of the low {@code bits} bits of {@code e}, top first: r = r^2, then r *= x if set. */
  private static void expBits(
      long[] s, int o, long x0, long x1, long x2, long x3, long e, int bits) {
    for (int i = bits - 1; i >= 0; i--) {
      sqrTo(s, o, s[o], s[o + 1], s[o + 2], s[o + 3]);
      if (((e >>> i) & 1) != 0) {
        mulTo(s, o, s[o], s[o + 1], s[o + 2], s[o + 3], x0, x1, x2, x3);
      }
    }
  }

  /** Writes {@code x^2 mod 2^256} at {@code o} (10 multiplications instead of 16). */
  private static void sqrTo(long[] s, int o, long x0, long x1, long x2, long x3) {
    // Cross products x0x1 B + x0x2 B^2 + (x0x3 + x1x2) B^3, to be doubled.
    long c1 = x0 * x1;
    long h = Math.unsignedMultiplyHigh(x0, x1);
    long p = x0 * x2;
    long c2 = p + h;
    long c3 = Math.unsignedMultiplyHigh(x0, x2) + carry(p, h, c2) + x0 * x3 + x1 * x2;
    // Double them.
    c3 = (c3 << 1) | (c2 >>> 63);
    c2 = (c2 << 1) | (c1 >>> 63);
    c1 <<= 1;
    // Add the squares x0^2 + x1^2 B^2.
    long r0 = x0 * x0;
    long t = Math.unsignedMultiplyHigh(x0, x0);
    long r1 = c1 + t;
    long c = carry(c1, t, r1);
    t = x1 * x1;
    long r2 = c2 + t + c;
    c = carry(c2, t, r2);
    long r3 = c3 + Math.unsignedMultiplyHigh(x1, x1) + c;
    s[o] = r0;
    s[o + 1] = r1;
    s[o + 2] = r2;
    s[o + 3] = r3;
  }
}
