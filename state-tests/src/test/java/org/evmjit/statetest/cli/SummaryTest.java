package org.evmjit.statetest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.evmjit.statetest.runner.EntryResult;
import org.evmjit.statetest.runner.EntryResult.Status;
import org.junit.jupiter.api.Test;

class SummaryTest {
  private static EntryResult r(Status s) {
    return new EntryResult("f", "t", "Cancun", 0, 0, 0, s, null, null, 0, "", null, 0);
  }

  @Test
  void lineFormat() {
    Summary s = new Summary();
    assertEquals("0 passed, 0 failed, 0 skipped", s.line());
    s.add(r(Status.PASS));
    s.add(r(Status.PASS));
    s.add(r(Status.FAIL));
    s.add(r(Status.SKIP));
    assertEquals("2 passed, 1 failed, 1 skipped", s.line());
    assertEquals(4, s.total());
  }

  @Test
  void progressLine() {
    Summary s = new Summary();
    s.add(r(Status.PASS));
    s.add(r(Status.FAIL));
    String line = ProgressBar.render(1, 4, s, 1_000_000_000L);
    assertEquals("[######..................] 1/4 files | 2 entries: 1 passed, 1 failed, 0 skipped | 2/s", line);
    assertTrue(ProgressBar.render(3, -1, s, 1).startsWith("3 files | "));
  }
}
