package org.evmjit.evm.word;

import java.util.HexFormat;

/**
 * A 160-bit account address held in three fields, so it is cheap to hash and compare:
 * {@code high} is the top 32 bits, {@code mid} the next 64, {@code low} the lowest 64.
 * On the operand stack an address is the low 160 bits of a word: limb0 = low, limb1 = mid,
 * low 32 bits of limb2 = high.
 */
public record Address(int high, long mid, long low) {
  public static final Address ZERO = new Address(0, 0, 0);

  public static Address fromBytes(byte[] b) {
    if (b.length != 20) {
      throw new IllegalArgumentException("an address has 20 bytes, not " + b.length);
    }
    return fromBytes(b, 0);
  }

  public static Address fromBytes(byte[] b, int offset) {
    int high = 0;
    for (int i = 0; i < 4; i++) {
      high = (high << 8) | (b[offset + i] & 0xFF);
    }
    long mid = 0;
    for (int i = 4; i < 12; i++) {
      mid = (mid << 8) | (b[offset + i] & 0xFF);
    }
    long low = 0;
    for (int i = 12; i < 20; i++) {
      low = (low << 8) | (b[offset + i] & 0xFF);
    }
    return new Address(high, mid, low);
  }

  /** The low 160 bits of the stack word at {@code offset} of a limb array. */
  public static Address fromLimbs(long[] limbs, int offset) {
    return new Address((int) limbs[offset + 2], limbs[offset + 1], limbs[offset]);
  }

  public static Address fromWord(Word w) {
    return new Address((int) w.w2(), w.w1(), w.w0());
  }

  /** Small addresses, such as precompiles: {@code Address.of(1)} is ecrecover. */
  public static Address of(long value) {
    return new Address(0, 0, value);
  }

  public static Address fromHex(String hex) {
    String digits = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
    if (digits.length() != 40) {
      throw new IllegalArgumentException("an address has 40 hex digits: '" + hex + "'");
    }
    return fromBytes(HexFormat.of().parseHex(digits));
  }

  public void toLimbs(long[] limbs, int offset) {
    limbs[offset] = low;
    limbs[offset + 1] = mid;
    limbs[offset + 2] = high & 0xFFFFFFFFL;
    limbs[offset + 3] = 0;
  }

  public Word toWord() {
    return new Word(low, mid, high & 0xFFFFFFFFL, 0);
  }

  public byte[] toBytes() {
    byte[] out = new byte[20];
    int h = high;
    for (int i = 3; i >= 0; i--) {
      out[i] = (byte) h;
      h >>>= 8;
    }
    long m = mid;
    for (int i = 11; i >= 4; i--) {
      out[i] = (byte) m;
      m >>>= 8;
    }
    long l = low;
    for (int i = 19; i >= 12; i--) {
      out[i] = (byte) l;
      l >>>= 8;
    }
    return out;
  }

  /** True for addresses below 2^64 that are at most {@code max}: how precompiles are found. */
  public boolean isAtMost(long max) {
    return high == 0 && mid == 0 && low >= 0 && low <= max;
  }

  public String toHex() {
    return "0x" + HexFormat.of().formatHex(toBytes());
  }

  @Override
  public String toString() {
    return toHex();
  }

  /** Written out as {@link Word#equals} is, for the same reason; the hash keeps the generated formula. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Address a && a.low == low && a.mid == mid && a.high == high;
  }

  @Override
  public int hashCode() {
    return (Integer.hashCode(high) * 31 + Long.hashCode(mid)) * 31 + Long.hashCode(low);
  }
}
