package org.evmjit.evm.word;

import java.math.BigInteger;
import java.util.HexFormat;

/**
 * An immutable 256-bit unsigned value, used where a value outlives an instruction: storage keys
 * and values, balances, block fields. Four 64-bit limbs, {@code w0} the least significant.
 * The operand stack does not use this type: it keeps raw limbs in a {@code long[]} (see
 * {@link Uint256}).
 */
public record Word(long w0, long w1, long w2, long w3) {
  public static final Word ZERO = new Word(0, 0, 0, 0);
  public static final Word ONE = new Word(1, 0, 0, 0);
  private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);

  public static Word of(long value) {
    return value == 0 ? ZERO : new Word(value, 0, 0, 0);
  }

  /** Reads the four limbs at {@code offset} of a limb array (as laid out on the operand stack). */
  public static Word fromLimbs(long[] limbs, int offset) {
    long a = limbs[offset], b = limbs[offset + 1], c = limbs[offset + 2], d = limbs[offset + 3];
    return (a | b | c | d) == 0 ? ZERO : new Word(a, b, c, d);
  }

  /** Writes the four limbs at {@code offset} of a limb array. */
  public void toLimbs(long[] limbs, int offset) {
    limbs[offset] = w0;
    limbs[offset + 1] = w1;
    limbs[offset + 2] = w2;
    limbs[offset + 3] = w3;
  }

  /** A big-endian byte string of at most 32 bytes; shorter input is left-padded with zeros. */
  public static Word fromBytes(byte[] bytes) {
    return fromBytes(bytes, 0, bytes.length);
  }

  public static Word fromBytes(byte[] bytes, int offset, int length) {
    if (length > 32) {
      throw new IllegalArgumentException("more than 32 bytes: " + length);
    }
    long[] limbs = new long[4];
    for (int i = 0; i < length; i++) {
      int bitFromRight = (length - 1 - i) * 8;
      limbs[bitFromRight >>> 6] |= (bytes[offset + i] & 0xFFL) << (bitFromRight & 63);
    }
    return fromLimbs(limbs, 0);
  }

  public static Word fromBigInteger(BigInteger value) {
    if (value.signum() < 0 || value.bitLength() > 256) {
      throw new IllegalArgumentException("not a 256-bit unsigned value: " + value);
    }
    return fromBytes(toUnsignedBytes(value));
  }

  /** Parses {@code 0x}-prefixed (or bare) hex; an empty string is zero. */
  public static Word fromHex(String hex) {
    String digits = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
    if (digits.isEmpty()) {
      return ZERO;
    }
    return fromBigInteger(new BigInteger(digits, 16));
  }

  public boolean isZero() {
    return (w0 | w1 | w2 | w3) == 0;
  }

  /** True when the value fits in a non-negative {@code long}. */
  public boolean fitsLong() {
    return (w1 | w2 | w3) == 0 && w0 >= 0;
  }

  public BigInteger toBigInteger() {
    return new BigInteger(1, toBytes32());
  }

  public byte[] toBytes32() {
    byte[] out = new byte[32];
    putLong(out, 0, w3);
    putLong(out, 8, w2);
    putLong(out, 16, w1);
    putLong(out, 24, w0);
    return out;
  }

  /** Big-endian bytes without leading zeros (zero is the empty array), as RLP wants scalars. */
  public byte[] toMinimalBytes() {
    byte[] full = toBytes32();
    int start = 0;
    while (start < 32 && full[start] == 0) {
      start++;
    }
    byte[] out = new byte[32 - start];
    System.arraycopy(full, start, out, 0, out.length);
    return out;
  }

  public int compareUnsigned(Word other) {
    int c = Long.compareUnsigned(w3, other.w3);
    if (c != 0) return c;
    c = Long.compareUnsigned(w2, other.w2);
    if (c != 0) return c;
    c = Long.compareUnsigned(w1, other.w1);
    if (c != 0) return c;
    return Long.compareUnsigned(w0, other.w0);
  }

  /** Wrapping addition modulo 2^256. */
  public Word add(Word other) {
    long r0 = w0 + other.w0;
    long carry = Long.compareUnsigned(r0, w0) < 0 ? 1 : 0;
    long t1 = w1 + other.w1;
    long c1 = Long.compareUnsigned(t1, w1) < 0 ? 1 : 0;
    long r1 = t1 + carry;
    c1 |= Long.compareUnsigned(r1, t1) < 0 ? 1 : 0;
    long t2 = w2 + other.w2;
    long c2 = Long.compareUnsigned(t2, w2) < 0 ? 1 : 0;
    long r2 = t2 + c1;
    c2 |= Long.compareUnsigned(r2, t2) < 0 ? 1 : 0;
    long r3 = w3 + other.w3 + c2;
    return new Word(r0, r1, r2, r3);
  }

  /** Wrapping subtraction modulo 2^256. */
  public Word subtract(Word other) {
    return add(other.negate());
  }

  private Word negate() {
    long n0 = ~w0, n1 = ~w1, n2 = ~w2, n3 = ~w3;
    return new Word(n0, n1, n2, n3).add(ONE);
  }

  public String toHex() {
    return "0x" + HexFormat.of().formatHex(toBytes32());
  }

  /** Minimal hex, as the EIP-3155 trace and JSON outputs print quantities: {@code 0x0}, {@code 0x1f}. */
  public String toShortHex() {
    return "0x" + toBigInteger().toString(16);
  }

  @Override
  public String toString() {
    return toShortHex();
  }

  static byte[] toUnsignedBytes(BigInteger value) {
    byte[] raw = value.toByteArray();
    if (raw.length > 1 && raw[0] == 0) {
      byte[] trimmed = new byte[raw.length - 1];
      System.arraycopy(raw, 1, trimmed, 0, trimmed.length);
      return trimmed;
    }
    return raw;
  }

  private static void putLong(byte[] out, int at, long v) {
    for (int i = 7; i >= 0; i--) {
      out[at + i] = (byte) v;
      v >>>= 8;
    }
  }

  static BigInteger modulus() {
    return TWO_256;
  }

  /**
   * Written out (the record's generated {@code equals} and {@code hashCode} go through method
   * handles): storage and account maps call them on every access. The hash is the generated one's
   * formula, so hash maps keep their order.
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof Word w && w.w0 == w0 && w.w1 == w1 && w.w2 == w2 && w.w3 == w3;
  }

  @Override
  public int hashCode() {
    return ((Long.hashCode(w0) * 31 + Long.hashCode(w1)) * 31 + Long.hashCode(w2)) * 31 + Long.hashCode(w3);
  }
}
