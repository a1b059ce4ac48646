package org.evmjit.evm.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.evmjit.evm.frame.Memory;
import org.junit.jupiter.api.Test;

/** A memory started on a buffer an ended frame gave back reads as new memory: all zero. */
class MemoryPoolTest {

  /** A memory whose whole active size was written with 0xFF. */
  private static Memory dirtied(int size) {
    Memory m = new Memory();
    m.expandTo(size);
    for (int i = 0; i < m.size(); i++) {
      m.storeByte(i, (byte) 0xFF);
    }
    return m;
  }

  private static void assertAllZero(Memory m) {
    assertArrayEquals(new byte[m.size()], m.read(0, m.size()), "active bytes of a reused memory");
  }

  @Test
  void aLentBufferReadsZeroAtEveryStepOfGrowth() {
    MemoryPool pool = MemoryPool.forCurrentThread();
    pool.give(dirtied(4000));
    Memory m = new Memory();
    pool.lend(m);
    for (long end : new long[] {1, 32, 33, 100, 2048, 4000, 4096, 5000, 20000}) {
      m.expandTo(end);
      assertAllZero(m);
    }
  }

  @Test
  void aBufferPassedOnTwiceIsCleanForEachFrame() {
    MemoryPool pool = MemoryPool.forCurrentThread();
    pool.give(dirtied(512));
    Memory second = new Memory();
    pool.lend(second);
    second.expandTo(64);
    for (int i = 0; i < 64; i++) {
      second.storeByte(i, (byte) 1);
    }
    pool.give(second);
    Memory third = new Memory();
    pool.lend(third);
    third.expandTo(4096);
    assertAllZero(third);
  }

  @Test
  void bytesWrittenOnAReusedBufferSurviveGrowthPastIt() {
    Memory m = new Memory();
    m.reuse(new byte[1024]);
    m.expandTo(64);
    m.storeByte(63, (byte) 7);
    m.expandTo(100_000); // past the buffer: the active bytes move to a larger array
    byte[] expected = new byte[m.size()];
    expected[63] = 7;
    assertArrayEquals(expected, m.read(0, m.size()));
  }

  @Test
  void onlyAnUnusedMemoryTakesABuffer() {
    Memory m = new Memory();
    m.expandTo(32);
    assertThrows(IllegalStateException.class, () -> m.reuse(new byte[64]));
  }
}
