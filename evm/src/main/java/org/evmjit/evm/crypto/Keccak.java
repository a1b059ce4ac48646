package org.evmjit.evm.crypto;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * Keccak-256 (the pre-standard SHA-3 that Ethereum uses: padding byte 0x01, not SHA3-256's 0x06).
 *
 * <h2>Algorithm</h2>
 *
 * The sponge of FIPS 202 with Keccak-f[1600], rate 1088 bits (136 bytes, 17 lanes), capacity 512
 * bits, 256 bits of output. Lanes are 64-bit little-endian words; lane (x, y) is the local
 * variable {@code aXY}. Each message block is XORed into the first 17 lanes, then 24 rounds of
 * θ, ρ, π, χ, ι run. The last block always exists (the message length may be a multiple of 136):
 * it holds the 0..135 remaining bytes, the pad byte 0x01 right after them and the bit 0x80 in its
 * byte 135 (pad10*1; both land in one byte when 135 bytes remain, where XOR makes 0x81).
 *
 * <h2>Why by hand</h2>
 *
 * This was Bouncy Castle's {@code KeccakDigest} from a {@code ThreadLocal}. Its permutation is the
 * same computation on locals, but each hash also paid the thread-local lookup, copying the input
 * through the digest's byte queue, padding bit by bit, extracting through the queue and resetting
 * the state array. Here the whole hash runs in one method: the state is 25 locals (no array), the
 * lanes are read straight from the input with a little-endian {@link VarHandle}, and nothing is
 * allocated but the 32-byte result. {@code KeccakBenchmark} in plugin-bench compares the two.
 * The round is written out one statement per lane from the FIPS 202 step definitions (ρ offsets
 * and π positions listed in {@link #hash(byte[], int, int)}); {@code KeccakTest} checks it against
 * Bouncy Castle.
 *
 * <p>Thread safe: no state outside a call.
 */
public final class Keccak {
  /** Bytes absorbed per permutation: (1600 - 2 * 256) / 8. */
  private static final int RATE = 136;

  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG_BE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  /** ι's round constants RC[0..23] (FIPS 202, algorithm 5). */
  private static final long[] ROUND_CONSTANTS = {
    0x0000000000000001L, 0x0000000000008082L, 0x800000000000808AL, 0x8000000080008000L,
    0x000000000000808BL, 0x0000000080000001L, 0x8000000080008081L, 0x8000000000008009L,
    0x000000000000008AL, 0x0000000000000088L, 0x0000000080008009L, 0x000000008000000AL,
    0x000000008000808BL, 0x800000000000008BL, 0x8000000000008089L, 0x8000000000008003L,
    0x8000000000008002L, 0x8000000000000080L, 0x000000000000800AL, 0x800000008000000AL,
    0x8000000080008081L, 0x8000000000008080L, 0x0000000080000001L, 0x8000000080008008L,
  };

  /** keccak256 of the empty string: the code hash of an account without code. */
  public static final byte[] EMPTY_HASH = hash(new byte[0]);

  private Keccak() {}

  public static byte[] hash(byte[] data) {
    return hash(data, 0, data.length);
  }

  /**
   * Writes keccak256 of {@code data[offset .. offset + length)}, read as a big-endian 256-bit
   * number, at {@code s[o .. o + 3]} in the limb layout of {@link org.evmjit.evm.word.Uint256}
   * (least significant limb first): what the SHA3 opcode pushes, without building a {@code Word}.
   *
   * @throws IndexOutOfBoundsException when the range is not inside {@code data}
   */
  public static void hash(byte[] data, int offset, int length, long[] s, int o) {
    byte[] h = length == 0 ? EMPTY_HASH : hash(data, offset, length);
    s[o] = (long) LONG_BE.get(h, 24);
    s[o + 1] = (long) LONG_BE.get(h, 16);
    s[o + 2] = (long) LONG_BE.get(h, 8);
    s[o + 3] = (long) LONG_BE.get(h, 0);
  }

  /**
   * keccak256 of {@code data[offset .. offset + length)}.
   *
   * <p>The round is θ, then ρ and π together, then χ and ι. θ: {@code cX} is the parity of column
   * X, {@code dX = c(X-1) ^ rotl(c(X+1), 1)} is XORed into every lane of column X (here on the fly
   * while reading the lane for ρ). ρ rotates lane (x, y) left by r[x][y] and π moves it to
   * (y, 2x + 3y mod 5): {@code bXY} is the lane that lands at (X, Y) = (y, 2x + 3y mod 5). With
   * r[x][y] (rows x = 0..4, entries y = 0..4): {0, 36, 3, 41, 18}, {1, 44, 10, 45, 2},
   * {62, 6, 43, 15, 61}, {28, 55, 25, 21, 56}, {27, 20, 39, 8, 14}. χ:
   * {@code a[x][y] = b[x][y] ^ (~b[x+1][y] & b[x+2][y])}; ι XORs the round constant into a00.
   *
   * @throws IndexOutOfBoundsException when the range is not inside {@code data}
   */
  public static byte[] hash(byte[] data, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, data.length);
    long a00 = 0, a10 = 0, a20 = 0, a30 = 0, a40 = 0;
    long a01 = 0, a11 = 0, a21 = 0, a31 = 0, a41 = 0;
    long a02 = 0, a12 = 0, a22 = 0, a32 = 0, a42 = 0;
    long a03 = 0, a13 = 0, a23 = 0, a33 = 0, a43 = 0;
    long a04 = 0, a14 = 0, a24 = 0, a34 = 0, a44 = 0;
    int end = offset + length;
    int p = offset;
    for (int blocksLeft = length / RATE + 1; blocksLeft > 0; blocksLeft--, p += RATE) {
      a00 ^= lane(data, p, end);
      a10 ^= lane(data, p + 8, end);
      a20 ^= lane(data, p + 16, end);
      a30 ^= lane(data, p + 24, end);
      a40 ^= lane(data, p + 32, end);
      a01 ^= lane(data, p + 40, end);
      a11 ^= lane(data, p + 48, end);
      a21 ^= lane(data, p + 56, end);
      a31 ^= lane(data, p + 64, end);
      a41 ^= lane(data, p + 72, end);
      a02 ^= lane(data, p + 80, end);
      a12 ^= lane(data, p + 88, end);
      a22 ^= lane(data, p + 96, end);
      a32 ^= lane(data, p + 104, end);
      a42 ^= lane(data, p + 112, end);
      a03 ^= lane(data, p + 120, end);
      a13 ^= lane(data, p + 128, end);
      if (blocksLeft == 1) {
        a13 ^= 0x8000000000000000L; // the final 1 bit of pad10*1, in byte 135 of the last block
      }
      for (int round = 0; round < 24; round++) {
        long c0 = a00 ^ a01 ^ a02 ^ a03 ^ a04;
        long c1 = a10 ^ a11 ^ a12 ^ a13 ^ a14;
        long c2 = a20 ^ a21 ^ a22 ^ a23 ^ a24;
        long c3 = a30 ^ a31 ^ a32 ^ a33 ^ a34;
        long c4 = a40 ^ a41 ^ a42 ^ a43 ^ a44;
        long d0 = c4 ^ Long.rotateLeft(c1, 1);
        long d1 = c0 ^ Long.rotateLeft(c2, 1);
        long d2 = c1 ^ Long.rotateLeft(c3, 1);
        long d3 = c2 ^ Long.rotateLeft(c4, 1);
        long d4 = c3 ^ Long.rotateLeft(c0, 1);
        long b00 = a00 ^ d0;
        long b13 = Long.rotateLeft(a01 ^ d0, 36);
        long b21 = Long.rotateLeft(a02 ^ d0, 3);
        long b34 = Long.rotateLeft(a03 ^ d0, 41);
        long b42 = Long.rotateLeft(a04 ^ d0, 18);
        long b02 = Long.rotateLeft(a10 ^ d1, 1);
        long b10 = Long.rotateLeft(a11 ^ d1, 44);
        long b23 = Long.rotateLeft(a12 ^ d1, 10);
        long b31 = Long.rotateLeft(a13 ^ d1, 45);
        long b44 = Long.rotateLeft(a14 ^ d1, 2);
        long b04 = Long.rotateLeft(a20 ^ d2, 62);
        long b12 = Long.rotateLeft(a21 ^ d2, 6);
        long b20 = Long.rotateLeft(a22 ^ d2, 43);
        long b33 = Long.rotateLeft(a23 ^ d2, 15);
        long b41 = Long.rotateLeft(a24 ^ d2, 61);
        long b01 = Long.rotateLeft(a30 ^ d3, 28);
        long b14 = Long.rotateLeft(a31 ^ d3, 55);
        long b22 = Long.rotateLeft(a32 ^ d3, 25);
        long b30 = Long.rotateLeft(a33 ^ d3, 21);
        long b43 = Long.rotateLeft(a34 ^ d3, 56);
        long b03 = Long.rotateLeft(a40 ^ d4, 27);
        long b11 = Long.rotateLeft(a41 ^ d4, 20);
        long b24 = Long.rotateLeft(a42 ^ d4, 39);
        long b32 = Long.rotateLeft(a43 ^ d4, 8);
        long b40 = Long.rotateLeft(a44 ^ d4, 14);
        a00 = b00 ^ (~b10 & b20);
        a10 = b10 ^ (~b20 & b30);
        a20 = b20 ^ (~b30 & b40);
        a30 = b30 ^ (~b40 & b00);
        a40 = b40 ^ (~b00 & b10);
        a01 = b01 ^ (~b11 & b21);
        a11 = b11 ^ (~b21 & b31);
        a21 = b21 ^ (~b31 & b41);
        a31 = b31 ^ (~b41 & b01);
        a41 = b41 ^ (~b01 & b11);
        a02 = b02 ^ (~b12 & b22);
        a12 = b12 ^ (~b22 & b32);
        a22 = b22 ^ (~b32 & b42);
        a32 = b32 ^ (~b42 & b02);
        a42 = b42 ^ (~b02 & b12);
        a03 = b03 ^ (~b13 & b23);
        a13 = b13 ^ (~b23 & b33);
        a23 = b23 ^ (~b33 & b43);
        a33 = b33 ^ (~b43 & b03);
        a43 = b43 ^ (~b03 & b13);
        a04 = b04 ^ (~b14 & b24);
        a14 = b14 ^ (~b24 & b34);
        a24 = b24 ^ (~b34 & b44);
        a34 = b34 ^ (~b44 & b04);
        a44 = b44 ^ (~b04 & b14);
        a00 ^= ROUND_CONSTANTS[round];
      }
    }
    byte[] out = new byte[32];
    LONG_LE.set(out, 0, a00);
    LONG_LE.set(out, 8, a10);
    LONG_LE.set(out, 16, a20);
    LONG_LE.set(out, 24, a30);
    return out;
  }

  /**
   * The little-endian lane of the input bytes at {@code [p, p + 8)}, with the message ending at
   * {@code end}: a plain 8-byte read when the lane is all message; otherwise the 0..7 message bytes
   * left, followed by the pad byte 0x01 (which therefore lands in exactly one lane, the one holding
   * position {@code end}, and only in the last block), or 0 for a lane wholly past the end.
   */
  private static long lane(byte[] data, int p, int end) {
    int n = end - p;
    if (n >= 8) {
      return (long) LONG_LE.get(data, p);
    }
    if (n < 0) {
      return 0;
    }
    long v = 0;
    for (int k = 0; k < n; k++) {
      v |= (data[p + k] & 0xFFL) << (8 * k);
    }
    return v | (1L << (8 * n));
  }
}
