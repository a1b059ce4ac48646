package org.evmjit.plugin.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LookupCountersTest {
  @Test
  void countsAreExactAcrossThreadsThatComeAndGo() throws Exception {
    LookupCounters c = new LookupCounters();
    for (int round = 0; round < 3; round++) {
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        threads.add(Thread.ofPlatform().start(() -> {
          for (int i = 0; i < 100_000; i++) {
            c.increment(LookupCounters.HITS);
            if ((i & 1) == 0) {
              c.increment(LookupCounters.DROPPED);
            }
          }
        }));
      }
      for (Thread t : threads) {
        t.join();
      }
      c.sweep(); // the dead threads' cells are folded and forgotten
      assertEquals(0, c.liveCells());
    }
    Thread.ofVirtual().start(() -> c.increment(LookupCounters.OFFERED)).join();
    long[] s = c.snapshot();
    assertEquals(1_200_000, s[LookupCounters.HITS]);
    assertEquals(600_000, s[LookupCounters.DROPPED]);
    assertEquals(1, s[LookupCounters.OFFERED]);
    c.reset();
    c.increment(LookupCounters.HITS);
    c.sweep();
    s = c.snapshot();
    assertEquals(1, s[LookupCounters.HITS]);
    assertEquals(0, s[LookupCounters.DROPPED]);
    assertEquals(1, c.liveCells(), "the calling thread is alive: its cell stays");
  }
}
