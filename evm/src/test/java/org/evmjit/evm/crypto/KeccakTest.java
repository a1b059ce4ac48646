package org.evmjit.evm.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.junit.jupiter.api.Test;

/** {@link Keccak} against Bouncy Castle's {@link KeccakDigest} and published Keccak-256 vectors. */
class KeccakTest {

  private static byte[] reference(byte[] data, int offset, int length) {
    KeccakDigest d = new KeccakDigest(256);
    d.update(data, offset, length);
    byte[] out = new byte[32];
    d.doFinal(out, 0);
    return out;
  }

  private static byte[] hex(String s) {
    return HexFormat.of().parseHex(s);
  }

  @Test
  void publishedVectors() {
    assertArrayEquals(
        hex("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"),
        Keccak.hash(new byte[0]));
    assertArrayEquals(
        hex("4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45"),
        Keccak.hash("abc".getBytes(StandardCharsets.US_ASCII)));
    assertArrayEquals(Keccak.hash(new byte[0]), Keccak.EMPTY_HASH);
  }

  /** Every length 0..300 (0, 1 and 2 blocks, every padding position), at offset 0 and inside a buffer. */
  @Test
  void everyLengthUpTo300MatchesBouncyCastle() {
    SplittableRandom r = new SplittableRandom(300);
    for (int length = 0; length <= 300; length++) {
      byte[] data = new byte[length];
      r.nextBytes(data);
      assertArrayEquals(reference(data, 0, length), Keccak.hash(data), "length " + length);
      byte[] buffer = new byte[length + 11];
      r.nextBytes(buffer);
      int offset = r.nextInt(12);
      assertArrayEquals(reference(buffer, offset, length), Keccak.hash(buffer, offset, length),
          "length " + length + " at offset " + offset);
    }
  }

  @Test
  void specialContentMatchesBouncyCastle() {
    for (byte fill : new byte[] {0, (byte) 0xFF, 0x01, (byte) 0x80}) {
      for (int length : new int[] {0, 1, 7, 8, 32, 64, 135, 136, 137, 271, 272, 273, 1024}) {
        byte[] data = new byte[length];
        java.util.Arrays.fill(data, fill);
        assertArrayEquals(reference(data, 0, length), Keccak.hash(data),
            "length " + length + " of 0x" + Integer.toHexString(fill & 0xFF));
      }
    }
  }

  @Test
  void randomLengthsAndOffsetsMatchBouncyCastle() {
    SplittableRandom r = new SplittableRandom(21);
    for (int i = 0; i < 2_000; i++) {
      int length = r.nextInt(4) == 0 ? r.nextInt(5_000) : r.nextInt(700);
      byte[] buffer = new byte[length + r.nextInt(40)];
      r.nextBytes(buffer);
      int offset = r.nextInt(buffer.length - length + 1);
      assertArrayEquals(reference(buffer, offset, length), Keccak.hash(buffer, offset, length),
          "length " + length + " at offset " + offset);
    }
  }

  @Test
  void rangeOutsideTheArrayIsRejected() {
    byte[] data = new byte[10];
    assertThrows(IndexOutOfBoundsException.class, () -> Keccak.hash(data, 5, 6));
    assertThrows(IndexOutOfBoundsException.class, () -> Keccak.hash(data, -1, 2));
    assertThrows(IndexOutOfBoundsException.class, () -> Keccak.hash(data, 0, -1));
  }
}
