package org.evmjit.evm.interpreter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.evmjit.evm.word.Word;
import org.junit.jupiter.api.Test;

/**
 * {@link Instructions#callDataLoad} (shared by the interpreter and compiled code) against its
 * definition: the 32 input bytes from the offset, zero past the end, read as a big-endian number.
 */
class CallDataLoadTest {
  /** The definition, byte by byte: {@code input[offset .. offset + 32)} padded with zeros. */
  private static Word expected(byte[] input, BigInteger offset) {
    byte[] window = new byte[32];
    for (int i = 0; i < 32; i++) {
      BigInteger at = offset.add(BigInteger.valueOf(i));
      if (at.compareTo(BigInteger.valueOf(input.length)) < 0) {
        window[i] = input[at.intValueExact()];
      }
    }
    return Word.fromBytes(window);
  }

  private static Word load(byte[] input, Word offset) {
    long[] s = new long[12];
    Arrays.fill(s, -1L); // stack slots around the operand must stay as they are
    offset.toLimbs(s, 4);
    Instructions.callDataLoad(input, s, 4);
    for (int i : new int[] {0, 1, 2, 3, 8, 9, 10, 11}) {
      assertEquals(-1L, s[i], "limb " + i + " outside the operand changed");
    }
    return Word.fromLimbs(s, 4);
  }

  @Test
  void everyOffsetOfInputsUpTo80BytesMatchesTheDefinition() {
    SplittableRandom random = new SplittableRandom(7);
    for (int length = 0; length <= 80; length++) {
      byte[] input = new byte[length];
      random.nextBytes(input);
      for (int offset = 0; offset <= length + 33; offset++) {
        Word o = Word.of(offset);
        assertEquals(expected(input, BigInteger.valueOf(offset)), load(input, o),
            "length " + length + ", offset " + offset);
      }
    }
  }

  @Test
  void offsetsPastIntAndLongRangesLoadZero() {
    byte[] input = new byte[64];
    new SplittableRandom(3).nextBytes(input);
    for (Word o : new Word[] {Word.of(Integer.MAX_VALUE), Word.of(1L << 32), Word.of(Long.MAX_VALUE),
        Word.of(-1L), new Word(0, 1, 0, 0), new Word(5, 0, 0, 1L << 63)}) {
      assertEquals(Word.ZERO, load(input, o), o.toString());
    }
  }
}
