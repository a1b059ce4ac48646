package org.evmjit.evm.word;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BinaryOperator;
import org.junit.jupiter.api.Test;

/** Uint256 against a BigInteger reference model. */
class Uint256Test {

  static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);
  static final BigInteger TWO_255 = BigInteger.ONE.shiftLeft(255);
  static final BigInteger MAX = TWO_256.subtract(BigInteger.ONE);
  static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
  /** Random pairs per arithmetic op; raise with -Duint256.randomPairs=N for a longer soak. */
  static final int RANDOM_PAIRS = Integer.getInteger("uint256.randomPairs", 200_000);

  // ------------------------------------------------------------------------------------------
  // Value conversion and generation
  // ------------------------------------------------------------------------------------------

  static BigInteger p2(int k) {
    return BigInteger.ONE.shiftLeft(k);
  }

  static BigInteger u(BigInteger v) {
    return v.mod(TWO_256);
  }

  static BigInteger u(long v) {
    return u(BigInteger.valueOf(v));
  }

  static BigInteger signed(BigInteger v) {
    return v.testBit(255) ? v.subtract(TWO_256) : v;
  }

  static void put(long[] s, int o, BigInteger v) {
    if (v.signum() < 0 || v.bitLength() > 256) throw new IllegalArgumentException(v.toString());
    byte[] bytes = v.toByteArray(); // big-endian, possibly with a leading sign byte
    s[o] = s[o + 1] = s[o + 2] = s[o + 3] = 0;
    for (int i = 0; i < bytes.length && i < 32; i++) {
      int bit = 8 * i; // from the least significant end
      s[o + (bit >>> 6)] |= (bytes[bytes.length - 1 - i] & 0xFFL) << (bit & 63);
    }
  }

  static BigInteger get(long[] s, int o) {
    byte[] bytes = new byte[33];
    for (int i = 0; i < 4; i++) {
      long w = s[o + i];
      for (int j = 0; j < 8; j++) {
        bytes[32 - 8 * i - j] = (byte) (w >>> (8 * j));
      }
    }
    return new BigInteger(bytes);
  }

  static final List<BigInteger> EDGES = edges();

  private static List<BigInteger> edges() {
    List<BigInteger> e = new ArrayList<>();
    for (int i = 0; i <= 3; i++) e.add(BigInteger.valueOf(i));
    for (long v : new long[] {7, 8, 31, 32, 33, 63, 64, 255, 256, 257, 0xFF, 0x80, 0x7F}) {
      e.add(BigInteger.valueOf(v));
    }
    for (int k : new int[] {31, 63, 64, 127, 128, 191, 192, 255}) {
      e.add(p2(k).subtract(BigInteger.ONE));
      e.add(p2(k));
      e.add(p2(k).add(BigInteger.ONE));
    }
    e.add(MAX); // -1
    for (int i = 2; i <= 4; i++) e.add(u(-i)); // small negatives
    e.add(u(-256));
    e.add(u(BigInteger.valueOf(Integer.MAX_VALUE)));
    e.add(BigInteger.valueOf(Integer.MAX_VALUE).add(BigInteger.ONE));
    e.add(u(Long.MIN_VALUE)); // -2^63
    e.add(new BigInteger("ffffffffffffffff0000000000000000ffffffffffffffff0000000000000000", 16));
    e.add(new BigInteger("8000000000000000000000000000000000000000000000000000000000000001", 16));
    e.add(new BigInteger("0123456789abcdeffedcba98765432100f1e2d3c4b5a69788796a5b4c3d2e1f0", 16));
    return List.copyOf(e);
  }

  private static final long[] SPECIAL_LIMBS = {
    0, 1, 2, -1, -2, Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE + 1, 0xFFFFFFFFL,
    0x100000000L, 0xFFFFFFFF00000000L, 0x8000000080000000L
  };

  /** A random value with a random number of limbs (0..4) and a random kind of limb content. */
  static BigInteger random(SplittableRandom r) {
    int kind = r.nextInt(16);
    if (kind == 0) return EDGES.get(r.nextInt(EDGES.size()));
    if (kind == 1) { // near a power of two
      return u(p2(r.nextInt(257)).add(BigInteger.valueOf(r.nextInt(7) - 3)));
    }
    if (kind == 2) return u(-1 - r.nextInt(1000)); // small negative
    if (kind == 3) return BigInteger.valueOf(r.nextInt(300)); // tiny
    int limbs = r.nextInt(4) + 1;
    long[] w = new long[4];
    boolean special = kind < 8;
    for (int i = 0; i < limbs; i++) {
      w[i] = special && r.nextBoolean() ? SPECIAL_LIMBS[r.nextInt(SPECIAL_LIMBS.length)]
          : r.nextLong();
    }
    if (w[limbs - 1] == 0) w[limbs - 1] = 1 + r.nextInt(100);
    if (r.nextInt(8) == 0) { // short top limb, so bit lengths are spread out
      w[limbs - 1] >>>= r.nextInt(64);
      if (w[limbs - 1] == 0) w[limbs - 1] = 1;
    }
    long[] s = new long[4];
    System.arraycopy(w, 0, s, 0, 4);
    return get(s, 0);
  }

  // ------------------------------------------------------------------------------------------
  // Harness: runs an op on a garbage-filled stack and checks the result and untouched slots
  // ------------------------------------------------------------------------------------------

  interface Bin {
    void apply(long[] s, int a, int b);
  }

  interface Ter {
    void apply(long[] s, int a, int b, int n);
  }

  interface Un {
    void apply(long[] s, int a);
  }

  interface Ternary {
    BigInteger apply(BigInteger x, BigInteger y, BigInteger m);
  }

  static final int SIZE = 48;
  static final int[][] BIN_LAYOUTS = {{20, 16}, {32, 28}, {4, 0}, {8, 21}, {13, 31}, {40, 3}};
  static final int[][] TER_LAYOUTS = {{20, 16, 12}, {12, 8, 4}, {8, 28, 0}, {3, 30, 17}};

  private static final long[] GARBAGE = new SplittableRandom(99).longs(SIZE).toArray();

  /** A stack filled with junk, so that a missing write or a stray read shows. */
  static long[] garbage() {
    return GARBAGE.clone();
  }

  static void checkBin(String name, Bin op, BinaryOperator<BigInteger> ref,
      BigInteger x, BigInteger y, int a, int b) {
    long[] s = garbage();
    put(s, a, x);
    put(s, b, y);
    long[] before = s.clone();
    op.apply(s, a, b);
    BigInteger expected = ref.apply(x, y);
    BigInteger actual = get(s, b);
    if (!expected.equals(actual)) {
      fail(name + "(0x" + x.toString(16) + ", 0x" + y.toString(16) + ") at a=" + a + " b=" + b
          + ": expected 0x" + expected.toString(16) + " got 0x" + actual.toString(16));
    }
    assertUntouchedOutside(name, before, s, b);
  }

  static void checkBin(String name, Bin op, BinaryOperator<BigInteger> ref,
      BigInteger x, BigInteger y) {
    int[] l = BIN_LAYOUTS[(x.hashCode() ^ y.hashCode()) & 3];
    checkBin(name, op, ref, x, y, l[0], l[1]);
  }

  static void checkTer(String name, Ter op, Ternary ref, BigInteger x, BigInteger y,
      BigInteger m, int a, int b, int n) {
    long[] s = garbage();
    put(s, a, x);
    put(s, b, y);
    put(s, n, m);
    long[] before = s.clone();
    op.apply(s, a, b, n);
    BigInteger expected = ref.apply(x, y, m);
    BigInteger actual = get(s, n);
    if (!expected.equals(actual)) {
      fail(name + "(0x" + x.toString(16) + ", 0x" + y.toString(16) + ", 0x" + m.toString(16)
          + "): expected 0x" + expected.toString(16) + " got 0x" + actual.toString(16));
    }
    assertUntouchedOutside(name, before, s, n);
  }

  static void checkTer(String name, Ter op, Ternary ref, BigInteger x, BigInteger y,
      BigInteger m) {
    int[] l = TER_LAYOUTS[(x.hashCode() ^ y.hashCode() ^ m.hashCode()) & 3];
    checkTer(name, op, ref, x, y, m, l[0], l[1], l[2]);
  }

  /** Only the four limbs at {@code result} may differ. */
  static void assertUntouchedOutside(String name, long[] before, long[] after, int result) {
    for (int i = 0; i < SIZE; i++) {
      if ((i < result || i >= result + 4) && before[i] != after[i]) {
        fail(name + " wrote outside the result slot, at index " + i);
      }
    }
  }

  /** Edge x edge in every layout, then seeded random pairs. */
  static void binary(String name, Bin op, BinaryOperator<BigInteger> ref, int randomPairs) {
    for (BigInteger x : EDGES) {
      for (BigInteger y : EDGES) {
        for (int[] l : BIN_LAYOUTS) checkBin(name, op, ref, x, y, l[0], l[1]);
      }
      // identical offsets: op(x, x)
      long[] s = garbage();
      put(s, 8, x);
      op.apply(s, 8, 8);
      assertEquals(ref.apply(x, x), get(s, 8), name + " with a == b on 0x" + x.toString(16));
    }
    SplittableRandom r = new SplittableRandom(name.hashCode());
    for (int i = 0; i < randomPairs; i++) {
      checkBin(name, op, ref, random(r), random(r));
    }
  }

  static void unary(String name, Un op, java.util.function.UnaryOperator<BigInteger> ref) {
    SplittableRandom r = new SplittableRandom(name.hashCode());
    List<BigInteger> values = new ArrayList<>(EDGES);
    for (int i = 0; i < 10_000; i++) values.add(random(r));
    for (BigInteger x : values) {
      for (int a : new int[] {0, 7, 44}) {
        long[] s = garbage();
        put(s, a, x);
        long[] before = s.clone();
        op.apply(s, a);
        assertEquals(ref.apply(x), get(s, a), name + "(0x" + x.toString(16) + ")");
        assertUntouchedOutside(name, before, s, a);
      }
    }
  }

  // ------------------------------------------------------------------------------------------
  // Reference model
  // ------------------------------------------------------------------------------------------

  static BigInteger refDiv(BigInteger x, BigInteger y) {
    return y.signum() == 0 ? BigInteger.ZERO : x.divide(y);
  }

  static BigInteger refMod(BigInteger x, BigInteger y) {
    return y.signum() == 0 ? BigInteger.ZERO : x.mod(y);
  }

  static BigInteger refSdiv(BigInteger x, BigInteger y) {
    return y.signum() == 0 ? BigInteger.ZERO : u(signed(x).divide(signed(y)));
  }

  static BigInteger refSmod(BigInteger x, BigInteger y) {
    return y.signum() == 0 ? BigInteger.ZERO : u(signed(x).remainder(signed(y)));
  }

  static BigInteger refAddmod(BigInteger x, BigInteger y, BigInteger m) {
    return m.signum() == 0 ? BigInteger.ZERO : x.add(y).mod(m);
  }

  static BigInteger refMulmod(BigInteger x, BigInteger y, BigInteger m) {
    return m.signum() == 0 ? BigInteger.ZERO : x.multiply(y).mod(m);
  }

  static BigInteger refExp(BigInteger base, BigInteger e) {
    return base.modPow(e, TWO_256);
  }

  static BigInteger refSignextend(BigInteger k, BigInteger x) {
    if (k.compareTo(BigInteger.valueOf(31)) >= 0) return x;
    int bits = 8 * k.intValue() + 8;
    BigInteger low = x.mod(p2(bits));
    return low.testBit(bits - 1) ? u(low.subtract(p2(bits))) : low;
  }

  static BigInteger refByte(BigInteger i, BigInteger x) {
    if (i.compareTo(BigInteger.valueOf(32)) >= 0) return BigInteger.ZERO;
    return x.shiftRight(8 * (31 - i.intValue())).and(BigInteger.valueOf(0xFF));
  }

  static BigInteger refShl(BigInteger shift, BigInteger v) {
    if (shift.compareTo(BigInteger.valueOf(256)) >= 0) return BigInteger.ZERO;
    return u(v.shiftLeft(shift.intValue()));
  }

  static BigInteger refShr(BigInteger shift, BigInteger v) {
    if (shift.compareTo(BigInteger.valueOf(256)) >= 0) return BigInteger.ZERO;
    return v.shiftRight(shift.intValue());
  }

  static BigInteger refSar(BigInteger shift, BigInteger v) {
    int n = shift.compareTo(BigInteger.valueOf(256)) >= 0 ? 256 : shift.intValue();
    return u(signed(v).shiftRight(n));
  }

  static BigInteger bool(boolean b) {
    return b ? BigInteger.ONE : BigInteger.ZERO;
  }

  // ------------------------------------------------------------------------------------------
  // Whole-method comparisons (edges x edges x layouts, then random pairs)
  // ------------------------------------------------------------------------------------------

  @Test
  void add() {
    binary("add", Uint256::add, (x, y) -> u(x.add(y)), RANDOM_PAIRS);
  }

  @Test
  void sub() {
    binary("sub", Uint256::sub, (x, y) -> u(x.subtract(y)), RANDOM_PAIRS);
  }

  @Test
  void mul() {
    binary("mul", Uint256::mul, (x, y) -> u(x.multiply(y)), RANDOM_PAIRS);
  }

  @Test
  void div() {
    binary("div", Uint256::div, Uint256Test::refDiv, RANDOM_PAIRS);
  }

  @Test
  void mod() {
    binary("mod", Uint256::mod, Uint256Test::refMod, RANDOM_PAIRS);
  }

  @Test
  void sdiv() {
    binary("sdiv", Uint256::sdiv, Uint256Test::refSdiv, RANDOM_PAIRS);
  }

  @Test
  void smod() {
    binary("smod", Uint256::smod, Uint256Test::refSmod, RANDOM_PAIRS);
  }

  @Test
  void exp() {
    binary("exp", Uint256::exp, Uint256Test::refExp, 20_000);
    // small exponents, where most of the real-world EXP calls are
    SplittableRandom r = new SplittableRandom(5);
    for (int i = 0; i < 50_000; i++) {
      BigInteger e = BigInteger.valueOf(r.nextInt(r.nextBoolean() ? 20 : 300));
      checkBin("exp", Uint256::exp, Uint256Test::refExp, random(r), e);
    }
  }

  @Test
  void signextend() {
    binary("signextend", Uint256::signextend, Uint256Test::refSignextend, RANDOM_PAIRS / 2);
    SplittableRandom r = new SplittableRandom(6);
    for (int i = 0; i < 50_000; i++) {
      checkBin("signextend", Uint256::signextend, Uint256Test::refSignextend,
          BigInteger.valueOf(r.nextInt(34)), random(r));
    }
  }

  @Test
  void byteOp() {
    binary("byte", Uint256::byteOp, Uint256Test::refByte, RANDOM_PAIRS / 2);
    SplittableRandom r = new SplittableRandom(7);
    for (int i = 0; i < 50_000; i++) {
      checkBin("byte", Uint256::byteOp, Uint256Test::refByte,
          BigInteger.valueOf(r.nextInt(34)), random(r));
    }
  }

  @Test
  void shifts() {
    binary("shl", Uint256::shl, Uint256Test::refShl, RANDOM_PAIRS / 4);
    binary("shr", Uint256::shr, Uint256Test::refShr, RANDOM_PAIRS / 4);
    binary("sar", Uint256::sar, Uint256Test::refSar, RANDOM_PAIRS / 4);
    SplittableRandom r = new SplittableRandom(8);
    for (int i = 0; i < 50_000; i++) {
      BigInteger shift = BigInteger.valueOf(r.nextInt(260));
      BigInteger v = random(r);
      checkBin("shl", Uint256::shl, Uint256Test::refShl, shift, v);
      checkBin("shr", Uint256::shr, Uint256Test::refShr, shift, v);
      checkBin("sar", Uint256::sar, Uint256Test::refSar, shift, v);
    }
  }

  @Test
  void comparisons() {
    binary("lt", Uint256::lt, (x, y) -> bool(x.compareTo(y) < 0), RANDOM_PAIRS / 4);
    binary("gt", Uint256::gt, (x, y) -> bool(x.compareTo(y) > 0), RANDOM_PAIRS / 4);
    binary("slt", Uint256::slt, (x, y) -> bool(signed(x).compareTo(signed(y)) < 0),
        RANDOM_PAIRS / 4);
    binary("sgt", Uint256::sgt, (x, y) -> bool(signed(x).compareTo(signed(y)) > 0),
        RANDOM_PAIRS / 4);
    binary("eq", Uint256::eq, (x, y) -> bool(x.equals(y)), RANDOM_PAIRS / 4);
    // equal values in distinct slots, and values differing in one limb only
    SplittableRandom r = new SplittableRandom(9);
    for (int i = 0; i < 20_000; i++) {
      BigInteger x = random(r);
      BigInteger y = x.flipBit(r.nextInt(256));
      for (BigInteger z : new BigInteger[] {x, y}) {
        checkBin("lt", Uint256::lt, (p, q) -> bool(p.compareTo(q) < 0), x, z);
        checkBin("gt", Uint256::gt, (p, q) -> bool(p.compareTo(q) > 0), x, z);
        checkBin("slt", Uint256::slt, (p, q) -> bool(signed(p).compareTo(signed(q)) < 0), x, z);
        checkBin("sgt", Uint256::sgt, (p, q) -> bool(signed(p).compareTo(signed(q)) > 0), x, z);
        checkBin("eq", Uint256::eq, (p, q) -> bool(p.equals(q)), x, z);
      }
    }
  }

  @Test
  void bitwise() {
    binary("and", Uint256::and, BigInteger::and, RANDOM_PAIRS / 4);
    binary("or", Uint256::or, BigInteger::or, RANDOM_PAIRS / 4);
    binary("xor", Uint256::xor, BigInteger::xor, RANDOM_PAIRS / 4);
  }

  @Test
  void unaryOps() {
    unary("iszero", Uint256::iszero, x -> bool(x.signum() == 0));
    unary("not", Uint256::not, x -> MAX.subtract(x));
    unary("clz", Uint256::clz, x -> BigInteger.valueOf(256 - x.bitLength()));
  }

  @Test
  void addmod() {
    for (BigInteger x : EDGES) {
      for (BigInteger y : EDGES) {
        for (BigInteger m : EDGES) {
          checkTer("addmod", Uint256::addmod, Uint256Test::refAddmod, x, y, m);
        }
      }
    }
    SplittableRandom r = new SplittableRandom(10);
    for (int i = 0; i < RANDOM_PAIRS; i++) {
      BigInteger m = random(r);
      BigInteger x = random(r);
      BigInteger y = random(r);
      if (i % 3 == 0 && m.signum() != 0) { // reduced operands: the fast path
        x = x.mod(m);
        y = y.mod(m);
      }
      checkTer("addmod", Uint256::addmod, Uint256Test::refAddmod, x, y, m);
    }
  }

  @Test
  void mulmod() {
    for (BigInteger x : EDGES) {
      for (BigInteger y : EDGES) {
        for (BigInteger m : EDGES) {
          checkTer("mulmod", Uint256::mulmod, Uint256Test::refMulmod, x, y, m);
        }
      }
    }
    SplittableRandom r = new SplittableRandom(11);
    for (int i = 0; i < RANDOM_PAIRS; i++) {
      checkTer("mulmod", Uint256::mulmod, Uint256Test::refMulmod, random(r), random(r),
          random(r));
    }
  }

  @Test
  void queries() {
    SplittableRandom r = new SplittableRandom(12);
    List<BigInteger> values = new ArrayList<>(EDGES);
    for (int i = 0; i < 20_000; i++) values.add(random(r));
    for (BigInteger x : values) {
      long[] s = garbage();
      put(s, 5, x);
      long[] before = s.clone();
      assertEquals((x.bitLength() + 7) / 8, Uint256.byteLength(s, 5), "byteLength " + x);
      assertEquals(x.signum() == 0, Uint256.isZero(s, 5));
      assertEquals(x.compareTo(INT_MAX) <= 0, Uint256.fitsInt(s, 5), "fitsInt " + x);
      assertTrue(Arrays.equals(before, s));
    }
  }

  @Test
  void setAndCopy() {
    long[] s = garbage();
    Uint256.set(s, 3, 1, 2, 3, 4);
    assertEquals(BigInteger.ONE.add(BigInteger.TWO.shiftLeft(64)).add(BigInteger.valueOf(3)
        .shiftLeft(128)).add(BigInteger.valueOf(4).shiftLeft(192)), get(s, 3));
    long[] before = s.clone();
    Uint256.copy(s, 3, 20);
    assertEquals(get(s, 3), get(s, 20));
    for (int i = 0; i < SIZE; i++) {
      if (i < 20 || i >= 24) assertEquals(before[i], s[i]);
    }
    Uint256.copy(s, 3, 5); // overlapping
    assertEquals(get(before, 3), get(s, 5));
    Uint256.copy(s, 5, 3); // overlapping, other direction
    assertEquals(get(before, 3), get(s, 3));
  }

  // ------------------------------------------------------------------------------------------
  // Division internals
  // ------------------------------------------------------------------------------------------

  @Test
  void reciprocal() {
    BigInteger all = p2(128).subtract(BigInteger.ONE);
    SplittableRandom r = new SplittableRandom(13);
    List<Long> ds = new ArrayList<>();
    for (long d : new long[] {Long.MIN_VALUE, -1L, Long.MIN_VALUE + 1, -2L, 0xC000000000000000L,
        0x8000000100000000L, 0xFFFFFFFF00000000L, 0x80000000FFFFFFFFL}) {
      ds.add(d);
    }
    for (int i = 0; i < 256; i++) { // both ends of every table entry
      ds.add(Long.MIN_VALUE + ((long) i << 55));
      ds.add(Long.MIN_VALUE + ((long) i << 55) + (1L << 55) - 1);
    }
    for (int i = 0; i < 200_000; i++) ds.add(r.nextLong() | Long.MIN_VALUE);
    for (long d : ds) {
      BigInteger bd = new BigInteger(Long.toUnsignedString(d));
      long expected = all.divide(bd).subtract(p2(64)).longValue();
      assertEquals(expected, Uint256.reciprocal2by1(d), "reciprocal of " + Long.toHexString(d));
    }
  }

  @Test
  void div2by1() {
    SplittableRandom r = new SplittableRandom(14);
    for (int i = 0; i < 200_000; i++) {
      long d = r.nextLong() | Long.MIN_VALUE;
      if (i % 5 == 0) d = SPECIAL_LIMBS[r.nextInt(SPECIAL_LIMBS.length)] | Long.MIN_VALUE;
      long u1 = Long.remainderUnsigned(r.nextLong(), d);
      if (i % 7 == 0) u1 = d - 1;
      long u0 = i % 3 == 0 ? SPECIAL_LIMBS[r.nextInt(SPECIAL_LIMBS.length)] : r.nextLong();
      BigInteger bu = new BigInteger(Long.toUnsignedString(u1)).shiftLeft(64)
          .add(new BigInteger(Long.toUnsignedString(u0)));
      BigInteger bd = new BigInteger(Long.toUnsignedString(d));
      long q = Uint256.div2by1(u1, u0, d, Uint256.reciprocal2by1(d));
      assertEquals(bu.divide(bd).longValue(), q);
    }
  }

  /** Divisions where the quotient digit estimate must be corrected (Knuth's add-back, q = B-1). */
  @Test
  void divisionCorrectionCases() {
    List<BigInteger> divisors = new ArrayList<>();
    List<BigInteger> dividends = new ArrayList<>();
    long[] limbs = {0, 1, -1, -2, Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE + 1};
    SplittableRandom r = new SplittableRandom(15);
    for (int i = 0; i < 3000; i++) {
      long[] w = new long[4];
      for (int j = 0; j < 4; j++) w[j] = limbs[r.nextInt(limbs.length)];
      long[] v = new long[4];
      int n = 1 + r.nextInt(4);
      for (int j = 0; j < n; j++) v[j] = limbs[r.nextInt(limbs.length)];
      if (v[n - 1] == 0) v[n - 1] = Long.MIN_VALUE;
      dividends.add(get(w, 0));
      divisors.add(get(v, 0));
    }
    // Classic hard cases: dividend top limbs equal to the divisor's, divisor = B^k - small.
    divisors.add(new BigInteger("8000000000000000ffffffffffffffff", 16));
    dividends.add(new BigInteger("7fffffffffffffff80000000000000000000000000000000", 16));
    divisors.add(new BigInteger("800000000000000000000000000000010000000000000000", 16));
    dividends.add(new BigInteger("7fffffffffffffffffffffffffffffff00000000000000000000000000000000",
        16));
    for (int i = 0; i < dividends.size(); i++) {
      BigInteger x = dividends.get(i);
      for (int j = 0; j < 8; j++) {
        BigInteger y = divisors.get((i + j * 131) % divisors.size());
        checkBin("div", Uint256::div, Uint256Test::refDiv, x, y);
        checkBin("mod", Uint256::mod, Uint256Test::refMod, x, y);
        checkBin("sdiv", Uint256::sdiv, Uint256Test::refSdiv, x, y);
        checkBin("smod", Uint256::smod, Uint256Test::refSmod, x, y);
        checkTer("mulmod", Uint256::mulmod, Uint256Test::refMulmod, x, x.add(BigInteger.ONE)
            .mod(TWO_256), y);
        checkTer("addmod", Uint256::addmod, Uint256Test::refAddmod, x, MAX, y);
      }
    }
    // q * d close to the dividend from both sides
    for (int i = 0; i < 20_000; i++) {
      BigInteger y = random(r);
      if (y.signum() == 0) continue;
      BigInteger q = random(r).shiftRight(y.bitLength());
      BigInteger x = u(q.multiply(y).add(BigInteger.valueOf(r.nextInt(5) - 2)));
      checkBin("div", Uint256::div, Uint256Test::refDiv, x, y);
      checkBin("mod", Uint256::mod, Uint256Test::refMod, x, y);
    }
  }

  /** Dividend and divisor limb counts 1..4 each, in every combination, for all quotient sizes. */
  @Test
  void divisionByLimbCounts() {
    SplittableRandom r = new SplittableRandom(16);
    for (int un = 1; un <= 4; un++) {
      for (int dn = 1; dn <= 4; dn++) {
        for (int i = 0; i < 5000; i++) {
          BigInteger x = randomLimbs(r, un);
          BigInteger y = randomLimbs(r, dn);
          checkBin("div", Uint256::div, Uint256Test::refDiv, x, y);
          checkBin("mod", Uint256::mod, Uint256Test::refMod, x, y);
          BigInteger z = randomLimbs(r, 1 + r.nextInt(4));
          checkTer("mulmod", Uint256::mulmod, Uint256Test::refMulmod, x, z, y);
        }
      }
    }
  }

  /**
   * DIV, MOD, SDIV and SMOD by every power of two 2^0..2^255 (the shift-and-mask path), and by
   * its neighbours 2^k - 1 and 2^k + 1 (the general paths), over edge and random dividends.
   */
  @Test
  void divisionByEveryPowerOfTwo() {
    SplittableRandom r = new SplittableRandom(17);
    for (int k = 0; k < 256; k++) {
      List<BigInteger> dividends = new ArrayList<>(EDGES);
      for (int i = 0; i < 60; i++) dividends.add(random(r));
      BigInteger[] divisors = {
        p2(k), p2(k).subtract(BigInteger.ONE), u(p2(k).add(BigInteger.ONE))
      };
      for (BigInteger d : divisors) {
        for (BigInteger x : dividends) {
          checkBin("div", Uint256::div, Uint256Test::refDiv, x, d);
          checkBin("mod", Uint256::mod, Uint256Test::refMod, x, d);
          checkBin("sdiv", Uint256::sdiv, Uint256Test::refSdiv, x, d);
          checkBin("smod", Uint256::smod, Uint256Test::refSmod, x, d);
          BigInteger negative = u(d.negate()); // -2^k as a signed divisor
          checkBin("sdiv", Uint256::sdiv, Uint256Test::refSdiv, x, negative);
          checkBin("smod", Uint256::smod, Uint256Test::refSmod, x, negative);
        }
      }
    }
  }

  static final BigInteger SECP256K1_P = new BigInteger(
      "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f", 16);
  static final BigInteger SECP256K1_N = new BigInteger(
      "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16);
  static final BigInteger BN254_P = new BigInteger(
      "30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47", 16);
  static final BigInteger BN254_R = new BigInteger(
      "30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001", 16);

  /**
   * ADDMOD and MULMOD with the moduli curve code uses (secp256k1 and bn254 field and group
   * orders), and moduli of each limb count, on reduced field elements (as curve code keeps them)
   * and on arbitrary operands; plus DIV and MOD by the same values.
   */
  @Test
  void curveModuliAndModuliOfEachLimbCount() {
    SplittableRandom r = new SplittableRandom(18);
    List<BigInteger> moduli = new ArrayList<>(List.of(SECP256K1_P, SECP256K1_N, BN254_P, BN254_R));
    for (int limbs = 1; limbs <= 4; limbs++) {
      for (int i = 0; i < 4; i++) moduli.add(randomLimbs(r, limbs));
    }
    for (BigInteger m : moduli) {
      List<BigInteger> operands = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE,
          m.subtract(BigInteger.ONE), m, u(m.add(BigInteger.ONE)), MAX, TWO_255));
      for (int i = 0; i < 40; i++) operands.add(random(r).mod(m));
      for (int i = 0; i < 10; i++) operands.add(random(r));
      for (BigInteger x : operands) {
        checkBin("div", Uint256::div, Uint256Test::refDiv, x, m);
        checkBin("mod", Uint256::mod, Uint256Test::refMod, x, m);
        for (BigInteger y : operands) {
          checkTer("addmod", Uint256::addmod, Uint256Test::refAddmod, x, y, m);
          checkTer("mulmod", Uint256::mulmod, Uint256Test::refMulmod, x, y, m);
        }
      }
    }
  }

  static BigInteger randomLimbs(SplittableRandom r, int limbs) {
    long[] w = new long[4];
    for (int i = 0; i < limbs; i++) {
      w[i] = r.nextInt(4) == 0 ? SPECIAL_LIMBS[r.nextInt(SPECIAL_LIMBS.length)] : r.nextLong();
    }
    if (w[limbs - 1] == 0) w[limbs - 1] = 1;
    if (r.nextBoolean()) {
      w[limbs - 1] >>>= r.nextInt(64);
      if (w[limbs - 1] == 0) w[limbs - 1] = 1;
    }
    return get(w, 0);
  }

  // ------------------------------------------------------------------------------------------
  // Named EVM corner cases
  // ------------------------------------------------------------------------------------------

  static BigInteger bin(Bin op, BigInteger x, BigInteger y) {
    long[] s = garbage();
    put(s, 8, x);
    put(s, 4, y);
    op.apply(s, 8, 4);
    return get(s, 4);
  }

  static BigInteger ter(Ter op, BigInteger x, BigInteger y, BigInteger m) {
    long[] s = garbage();
    put(s, 12, x);
    put(s, 8, y);
    put(s, 4, m);
    op.apply(s, 12, 8, 4);
    return get(s, 4);
  }

  @Test
  void sdivMinByMinusOneOverflows() {
    assertEquals(TWO_255, bin(Uint256::sdiv, TWO_255, MAX));
    assertEquals(BigInteger.ZERO, bin(Uint256::smod, TWO_255, MAX));
    assertEquals(TWO_255, bin(Uint256::sdiv, TWO_255, BigInteger.ONE));
    assertEquals(BigInteger.ONE, bin(Uint256::sdiv, TWO_255, TWO_255));
  }

  @Test
  void divisionByZeroIsZero() {
    for (BigInteger x : EDGES) {
      assertEquals(BigInteger.ZERO, bin(Uint256::div, x, BigInteger.ZERO));
      assertEquals(BigInteger.ZERO, bin(Uint256::sdiv, x, BigInteger.ZERO));
      assertEquals(BigInteger.ZERO, bin(Uint256::mod, x, BigInteger.ZERO));
      assertEquals(BigInteger.ZERO, bin(Uint256::smod, x, BigInteger.ZERO));
      assertEquals(BigInteger.ZERO, ter(Uint256::addmod, x, x, BigInteger.ZERO));
      assertEquals(BigInteger.ZERO, ter(Uint256::mulmod, x, x, BigInteger.ZERO));
    }
  }

  @Test
  void signedDivisionSigns() {
    BigInteger m7 = u(-7), m2 = u(-2), seven = BigInteger.valueOf(7), two = BigInteger.TWO;
    assertEquals(u(-3), bin(Uint256::sdiv, m7, two));
    assertEquals(u(-3), bin(Uint256::sdiv, seven, m2));
    assertEquals(BigInteger.valueOf(3), bin(Uint256::sdiv, m7, m2));
    assertEquals(u(-1), bin(Uint256::smod, m7, two)); // sign follows the dividend
    assertEquals(BigInteger.ONE, bin(Uint256::smod, seven, m2));
    assertEquals(u(-1), bin(Uint256::smod, m7, m2));
    assertEquals(u(-8), bin(Uint256::smod, u(-8), BigInteger.valueOf(10)));
  }

  @Test
  void addmodKeepsTheCarryPast2To256() {
    // (2^256 - 1) + (2^256 - 1) = 2^257 - 2: mod 7 that is 2, while the wrapped 2^256 - 2 gives 0.
    assertEquals(BigInteger.TWO, ter(Uint256::addmod, MAX, MAX, BigInteger.valueOf(7)));
    assertEquals(BigInteger.ZERO, bin(Uint256::mod, u(-2), BigInteger.valueOf(7)));
    assertEquals(MAX.add(MAX).mod(MAX.subtract(BigInteger.ONE)),
        ter(Uint256::addmod, MAX, MAX, MAX.subtract(BigInteger.ONE)));
    assertEquals(BigInteger.ZERO, ter(Uint256::addmod, MAX, BigInteger.ONE, p2(128)));
    assertEquals(BigInteger.TWO, ter(Uint256::addmod, MAX, BigInteger.TWO, MAX)); // (m + 2) mod m
    BigInteger m = MAX.subtract(BigInteger.TEN);
    BigInteger x = m.subtract(BigInteger.ONE);
    assertEquals(x.add(x).mod(m), ter(Uint256::addmod, x, x, m)); // reduced operands, carry out
  }

  @Test
  void mulmodUsesThe512BitProduct() {
    assertEquals(BigInteger.ONE, ter(Uint256::mulmod, MAX, MAX, BigInteger.TWO));
    assertEquals(MAX.multiply(MAX).mod(BigInteger.valueOf(12)),
        ter(Uint256::mulmod, MAX, MAX, BigInteger.valueOf(12)));
    assertEquals(BigInteger.ZERO, ter(Uint256::mulmod, MAX, MAX, MAX));
    BigInteger p = new BigInteger(
        "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f", 16); // secp256k1
    BigInteger a = p.subtract(BigInteger.TWO), b = p.subtract(BigInteger.valueOf(3));
    assertEquals(a.multiply(b).mod(p), ter(Uint256::mulmod, a, b, p));
    assertEquals(p2(255).multiply(p2(255)).mod(p2(128).add(BigInteger.ONE)),
        ter(Uint256::mulmod, p2(255), p2(255), p2(128).add(BigInteger.ONE)));
  }

  @Test
  void signextendCorners() {
    BigInteger x = new BigInteger("80", 16);
    assertEquals(u(-128), bin(Uint256::signextend, BigInteger.ZERO, x));
    assertEquals(x, bin(Uint256::signextend, BigInteger.ONE, x));
    assertEquals(BigInteger.valueOf(0x7F), bin(Uint256::signextend, BigInteger.ZERO,
        new BigInteger("ff7f", 16)));
    BigInteger top = TWO_255.add(BigInteger.valueOf(0x1234));
    assertEquals(top, bin(Uint256::signextend, BigInteger.valueOf(31), top));
    assertEquals(top, bin(Uint256::signextend, BigInteger.valueOf(32), top));
    assertEquals(top, bin(Uint256::signextend, BigInteger.valueOf(1000), top));
    assertEquals(top, bin(Uint256::signextend, MAX, top));
    assertEquals(top, bin(Uint256::signextend, p2(64), top)); // huge k, low limb zero
    assertEquals(top, bin(Uint256::signextend, p2(200).add(BigInteger.ONE), top));
    // k = 30 extends bit 247
    BigInteger v = p2(247).add(BigInteger.valueOf(5));
    assertEquals(u(v.subtract(p2(248))), bin(Uint256::signextend, BigInteger.valueOf(30), v));
    assertEquals(u(-1), bin(Uint256::signextend, BigInteger.valueOf(7), p2(64).subtract(
        BigInteger.ONE)));
  }

  @Test
  void byteCorners() {
    BigInteger x = new BigInteger(
        "0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20", 16);
    for (int i = 0; i < 32; i++) {
      assertEquals(BigInteger.valueOf(i + 1), bin(Uint256::byteOp, BigInteger.valueOf(i), x));
    }
    assertEquals(BigInteger.ZERO, bin(Uint256::byteOp, BigInteger.valueOf(32), x));
    assertEquals(BigInteger.ZERO, bin(Uint256::byteOp, BigInteger.valueOf(1L << 40), x));
    assertEquals(BigInteger.ZERO, bin(Uint256::byteOp, u(-1), x));
    assertEquals(BigInteger.ZERO, bin(Uint256::byteOp, p2(64), x)); // low limb 0, huge index
    assertEquals(BigInteger.ZERO, bin(Uint256::byteOp, p2(255).add(BigInteger.ONE), x));
    assertEquals(BigInteger.ZERO, bin(Uint256::byteOp, u(Long.MIN_VALUE), x)); // 2^256 - 2^63
  }

  @Test
  void shiftCorners() {
    BigInteger v = MAX;
    BigInteger neg = TWO_255.add(BigInteger.ONE);
    BigInteger pos = TWO_255.subtract(BigInteger.ONE);
    for (BigInteger shift : new BigInteger[] {BigInteger.valueOf(256), BigInteger.valueOf(257),
        BigInteger.valueOf(1L << 40), p2(64), p2(64).add(BigInteger.ONE), p2(128), p2(255), MAX,
        u(Long.MIN_VALUE), BigInteger.valueOf(Long.MAX_VALUE)}) {
      assertEquals(BigInteger.ZERO, bin(Uint256::shl, shift, v), "shl " + shift);
      assertEquals(BigInteger.ZERO, bin(Uint256::shr, shift, v), "shr " + shift);
      assertEquals(MAX, bin(Uint256::sar, shift, neg), "sar neg " + shift);
      assertEquals(BigInteger.ZERO, bin(Uint256::sar, shift, pos), "sar pos " + shift);
    }
    assertEquals(TWO_255, bin(Uint256::shl, BigInteger.valueOf(255), BigInteger.ONE));
    assertEquals(BigInteger.ONE, bin(Uint256::shr, BigInteger.valueOf(255), TWO_255));
    assertEquals(MAX, bin(Uint256::sar, BigInteger.valueOf(255), TWO_255));
    assertEquals(v, bin(Uint256::shl, BigInteger.ZERO, v));
    assertEquals(v, bin(Uint256::shr, BigInteger.ZERO, v));
    assertEquals(neg, bin(Uint256::sar, BigInteger.ZERO, neg));
    BigInteger sel = new BigInteger("a9059cbb", 16).shiftLeft(224)
        .add(BigInteger.valueOf(12345));
    assertEquals(new BigInteger("a9059cbb", 16), bin(Uint256::shr, BigInteger.valueOf(224), sel));
    for (int k = 0; k < 256; k++) {
      BigInteger sh = BigInteger.valueOf(k);
      assertEquals(refShl(sh, v), bin(Uint256::shl, sh, v));
      assertEquals(refShr(sh, v), bin(Uint256::shr, sh, v));
      assertEquals(refSar(sh, neg), bin(Uint256::sar, sh, neg));
      assertEquals(refSar(sh, pos), bin(Uint256::sar, sh, pos));
    }
  }

  @Test
  void expCorners() {
    BigInteger ten = BigInteger.TEN;
    assertEquals(BigInteger.ONE, bin(Uint256::exp, BigInteger.ZERO, BigInteger.ZERO)); // 0^0
    assertEquals(BigInteger.ONE, bin(Uint256::exp, MAX, BigInteger.ZERO));
    assertEquals(BigInteger.ZERO, bin(Uint256::exp, BigInteger.ZERO, BigInteger.ONE));
    assertEquals(BigInteger.ZERO, bin(Uint256::exp, BigInteger.ZERO, MAX));
    assertEquals(BigInteger.ONE, bin(Uint256::exp, BigInteger.ONE, MAX));
    assertEquals(ten.pow(18), bin(Uint256::exp, ten, BigInteger.valueOf(18)));
    assertEquals(ten.pow(77), bin(Uint256::exp, ten, BigInteger.valueOf(77)));
    assertEquals(u(ten.pow(78)), bin(Uint256::exp, ten, BigInteger.valueOf(78)));
    assertEquals(TWO_255, bin(Uint256::exp, BigInteger.TWO, BigInteger.valueOf(255)));
    assertEquals(BigInteger.ZERO, bin(Uint256::exp, BigInteger.TWO, BigInteger.valueOf(256)));
    assertEquals(BigInteger.ZERO, bin(Uint256::exp, BigInteger.TWO, MAX));
    assertEquals(p2(252), bin(Uint256::exp, BigInteger.valueOf(16), BigInteger.valueOf(63)));
    assertEquals(BigInteger.ZERO, bin(Uint256::exp, BigInteger.valueOf(16), BigInteger.valueOf(64)));
    assertEquals(BigInteger.ONE, bin(Uint256::exp, MAX, BigInteger.TWO)); // (-1)^2
    assertEquals(MAX, bin(Uint256::exp, MAX, MAX)); // (-1)^odd
    assertEquals(BigInteger.ONE, bin(Uint256::exp, MAX, MAX.subtract(BigInteger.ONE)));
    BigInteger three = BigInteger.valueOf(3);
    assertEquals(refExp(three, MAX), bin(Uint256::exp, three, MAX));
    BigInteger big = new BigInteger(
        "0123456789abcdeffedcba98765432100f1e2d3c4b5a69788796a5b4c3d2e1f1", 16);
    assertEquals(refExp(big, big), bin(Uint256::exp, big, big));
    assertEquals(refExp(big.subtract(BigInteger.ONE), big),
        bin(Uint256::exp, big.subtract(BigInteger.ONE), big)); // even, not a power of two
    assertEquals(refExp(BigInteger.valueOf(6), BigInteger.valueOf(255)),
        bin(Uint256::exp, BigInteger.valueOf(6), BigInteger.valueOf(255)));
    assertEquals(BigInteger.ZERO, bin(Uint256::exp, BigInteger.valueOf(6), BigInteger.valueOf(256)));
  }

  @Test
  void comparisonCorners() {
    assertEquals(BigInteger.ONE, bin(Uint256::slt, TWO_255, TWO_255.subtract(BigInteger.ONE)));
    assertEquals(BigInteger.ZERO, bin(Uint256::lt, TWO_255, TWO_255.subtract(BigInteger.ONE)));
    assertEquals(BigInteger.ONE, bin(Uint256::sgt, BigInteger.ZERO, MAX));
    assertEquals(BigInteger.ONE, bin(Uint256::gt, MAX, BigInteger.ZERO));
    assertEquals(BigInteger.ZERO, bin(Uint256::lt, MAX, MAX));
    assertEquals(BigInteger.ONE, bin(Uint256::eq, MAX, MAX));
  }

  @Test
  void queryCorners() {
    long[] s = new long[8];
    assertEquals(0, Uint256.byteLength(s, 4));
    assertTrue(Uint256.isZero(s, 4));
    assertTrue(Uint256.fitsInt(s, 4));
    put(s, 4, INT_MAX);
    assertTrue(Uint256.fitsInt(s, 4));
    assertEquals(4, Uint256.byteLength(s, 4));
    put(s, 4, INT_MAX.add(BigInteger.ONE));
    assertFalse(Uint256.fitsInt(s, 4));
    put(s, 4, p2(64));
    assertFalse(Uint256.fitsInt(s, 4));
    assertEquals(9, Uint256.byteLength(s, 4));
    put(s, 4, MAX);
    assertEquals(32, Uint256.byteLength(s, 4));
    assertFalse(Uint256.isZero(s, 4));
    put(s, 4, BigInteger.ONE);
    assertEquals(1, Uint256.byteLength(s, 4));
  }
}
