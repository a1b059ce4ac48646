package org.evmjit.statetest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SkipListTest {
  private static final SkipList LIST = SkipList.parse("""
      # header comment
      stTimeConsuming/static_Call50000_sha256.json  # takes 40 min with the interpreter

      static_Return50000.*   # needs 12 GB of heap
      """, "test");

  @Test
  void bundledListParsesAndHasNoEntriesYet() {
    assertEquals(0, SkipList.load().entries().size());
  }

  @Test
  void matchesPathSuffixOnWholeComponents() {
    assertEquals("takes 40 min with the interpreter", LIST.match(
        "/x/GeneralStateTests/stTimeConsuming/static_Call50000_sha256.json", "t").orElseThrow().reason());
    assertFalse(LIST.match("/x/stTimeConsuming/xstatic_Call50000_sha256.json", "t").isPresent());
  }

  @Test
  void matchesWholeTestNamesByRegex() {
    assertTrue(LIST.match("/a.json", "static_Return50000_2").isPresent());
    assertFalse(LIST.match("/a.json", "x_static_Return50000").isPresent());
  }

  @Test
  void everyEntryNeedsAReason() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SkipList.parse("# ok\nsomeTest\n", "skip.txt"));
    assertEquals("skip.txt:2: entry 'someTest' has no reason (write '  # why')", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> SkipList.parse("someTest  #   \n", "skip.txt"));
  }
}
