package org.evmjit.evm.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link KeccakMemo} answers exactly what {@link Keccak} computes, whether it remembers the input or not. */
class KeccakMemoTest {

  private static long[] direct(byte[] data, int offset) {
    long[] s = new long[4];
    Keccak.hash(data, offset, KeccakMemo.INPUT_BYTES, s, 0);
    return s;
  }

  private static long[] memo(KeccakMemo m, byte[] data, int offset) {
    long[] s = new long[8];
    m.hash64(data, offset, s, 2);
    return new long[] {s[2], s[3], s[4], s[5]};
  }

  /**
   * Inputs drawn from a small pool (so many repeat, within and beyond the memo's entries), some
   * differing from a pool entry in one byte, at varying offsets of a buffer whose bytes around the
   * input change too.
   */
  @Test
  void repeatedAndNearInputsHashAsKeccak() {
    SplittableRandom r = new SplittableRandom(21);
    byte[][] pool = new byte[3 * KeccakMemo.ENTRIES][KeccakMemo.INPUT_BYTES];
    for (byte[] p : pool) {
      r.nextBytes(p);
    }
    KeccakMemo m = new KeccakMemo();
    for (int i = 0; i < 20_000; i++) {
      byte[] input = pool[r.nextInt(pool.length)].clone();
      if (r.nextInt(4) == 0) {
        input[r.nextInt(input.length)] ^= (byte) (1 << r.nextInt(8));
      }
      int offset = r.nextInt(40);
      byte[] buffer = new byte[offset + input.length + r.nextInt(40)];
      r.nextBytes(buffer);
      System.arraycopy(input, 0, buffer, offset, input.length);
      assertArrayEquals(direct(buffer, offset), memo(m, buffer, offset), "input " + i);
    }
  }

  @Test
  void outOfRangeInputIsRefused() {
    KeccakMemo m = new KeccakMemo();
    assertThrows(IndexOutOfBoundsException.class, () -> m.hash64(new byte[63], 0, new long[4], 0));
    assertThrows(IndexOutOfBoundsException.class, () -> m.hash64(new byte[64], 1, new long[4], 0));
  }
}
