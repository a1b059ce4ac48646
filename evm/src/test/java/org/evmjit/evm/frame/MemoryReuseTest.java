package org.evmjit.evm.frame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A memory started on an ended frame's buffer reads as new memory: every byte it activates is 0. */
class MemoryReuseTest {

  /** A memory whose whole active size was written with 0xFF, released. */
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
  void growingOnADirtyBufferReadsZeroAtEveryStep() {
    Memory old = dirtied(4000);
    int dirty = old.zeroFrom();
    Memory m = new Memory();
    m.reuse(old.release(), dirty);
    for (long end : new long[] {1, 32, 33, 100, 2048, 4000, 4096, 5000, 20000}) {
      m.expandTo(end);
      assertAllZero(m);
    }
  }

  @Test
  void bytesWrittenAfterReuseSurviveGrowthPastTheBuffer() {
    Memory old = dirtied(1024);
    int dirty = old.zeroFrom();
    Memory m = new Memory();
    m.reuse(old.release(), dirty);
    m.expandTo(64);
    m.storeByte(63, (byte) 7);
    m.expandTo(100_000); // past the buffer: copied into a larger array
    byte[] expected = new byte[m.size()];
    expected[63] = 7;
    assertArrayEquals(expected, m.read(0, m.size()));
  }

  @Test
  void aBufferReusedTwiceIsCleanedByEachUser() {
    Memory first = dirtied(512);
    int dirty = first.zeroFrom();
    Memory second = new Memory();
    second.reuse(first.release(), dirty);
    second.expandTo(64);
    Arrays.fill(second.array(), 0, 64, (byte) 1);
    int dirty2 = second.zeroFrom();
    assertEquals(512, dirty2, "bytes the first user wrote stay marked dirty");
    Memory third = new Memory();
    third.reuse(second.release(), dirty2);
    third.expandTo(512);
    assertAllZero(third);
  }

  @Test
  void onlyAnUnusedMemoryTakesABuffer() {
    Memory m = new Memory();
    m.expandTo(32);
    assertThrows(IllegalStateException.class, () -> m.reuse(new byte[64], 0));
  }
}
