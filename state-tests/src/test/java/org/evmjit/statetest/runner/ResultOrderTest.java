package org.evmjit.statetest.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.evmjit.statetest.runner.EntryResult.Status;
import org.junit.jupiter.api.Test;

class ResultOrderTest {
  private static EntryResult r(String file, String test, String fork, int d, int g, int v) {
    return new EntryResult(file, test, fork, d, g, v, Status.PASS, null, null, 0, "", null, 0);
  }

  @Test
  void sortsByFileTestForkAndIndexes() {
    List<EntryResult> expected = List.of(
        r("a.json", "t1", "Berlin", 0, 0, 0),
        r("a.json", "t1", "Cancun", 0, 0, 1),
        r("a.json", "t1", "Cancun", 0, 1, 0),
        r("a.json", "t1", "Cancun", 1, 0, 0),
        r("a.json", "t1", "Prague", 0, 0, 0),
        r("a.json", "t2", "EIP150", 0, 0, 0),
        r("b.json", "t0", "Frontier", 0, 0, 0));
    List<EntryResult> shuffled = new ArrayList<>(expected);
    java.util.Collections.shuffle(shuffled, new java.util.Random(42));
    shuffled.sort(ResultOrder.ORDER);
    assertEquals(expected, shuffled);
  }
}
