package org.evmjit.evm.trie;

import java.util.Arrays;

/**
 * Nibble paths read in place from byte-string keys (nibble {@code i} of a key is the high half of
 * byte {@code i / 2} when {@code i} is even, the low half when odd), and their hex-prefix encoding
 * (Yellow Paper appendix C).
 */
final class Nibbles {
  private Nibbles() {}

  /** Nibble {@code index} of {@code key}. */
  static int at(byte[] key, int index) {
    int b = key[index >>> 1];
    return (index & 1) == 0 ? (b >>> 4) & 0xf : b & 0xf;
  }

  /** Number of nibbles in {@code key}. */
  static int length(byte[] key) {
    return key.length << 1;
  }

  /**
   * The first nibble index at or after {@code from} where {@code a} and {@code b} differ, or the
   * nibble length of the shorter one when it is a prefix of the other. The keys must agree on
   * their first {@code from} nibbles.
   */
  static int commonPrefix(byte[] a, byte[] b, int from) {
    int firstByte = from >>> 1;
    int rel = Arrays.mismatch(a, firstByte, a.length, b, firstByte, b.length);
    if (rel < 0) {
      return length(a);
    }
    int i = firstByte + rel;
    if (i == a.length || i == b.length) {
      return i << 1;
    }
    return ((a[i] ^ b[i]) & 0xf0) != 0 ? i << 1 : (i << 1) + 1;
  }

  /**
   * Hex-prefix encoding of nibbles {@code [from, to)} of {@code key}: a flag nibble (2 for a leaf,
   * plus 1 when the path is odd), a zero pad nibble when even, then the path nibbles.
   */
  static byte[] hexPrefix(byte[] key, int from, int to, boolean leaf) {
    int count = to - from;
    byte[] out = new byte[count / 2 + 1];
    int flag = leaf ? 2 : 0;
    int at = from;
    if ((count & 1) == 1) {
      out[0] = (byte) (((flag | 1) << 4) | at(key, at++));
    } else {
      out[0] = (byte) (flag << 4);
    }
    if ((at & 1) == 0) {
      // Byte-aligned: the rest of the path is a plain copy.
      System.arraycopy(key, at >>> 1, out, 1, out.length - 1);
    } else {
      for (int o = 1; o < out.length; o++, at += 2) {
        out[o] = (byte) ((at(key, at) << 4) | at(key, at + 1));
      }
    }
    return out;
  }
}
