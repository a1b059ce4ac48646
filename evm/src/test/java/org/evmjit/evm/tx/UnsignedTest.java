package org.evmjit.evm.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link TransactionValidator#unsigned} against the decimal reading of {@link Long#toUnsignedString}. */
class UnsignedTest {
  @Test
  void matchesTheUnsignedDecimalValue() {
    long[] edges = {0, 1, Long.MAX_VALUE, Long.MIN_VALUE, -1, -2, Long.MIN_VALUE + 1};
    for (long v : edges) {
      check(v);
    }
    SplittableRandom r = new SplittableRandom(7);
    for (int i = 0; i < 10_000; i++) {
      check(r.nextLong());
    }
  }

  private static void check(long v) {
    assertEquals(new BigInteger(Long.toUnsignedString(v)), TransactionValidator.unsigned(v), Long.toHexString(v));
  }
}
