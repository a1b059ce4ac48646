package org.evmjit.plugin.runtime;

import static org.evmjit.plugin.runtime.TestCodes.code;
import static org.evmjit.plugin.runtime.TestCodes.config;
import static org.evmjit.plugin.runtime.TestCodes.quiesce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.evmjit.evm.exec.ExecutionEngine;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.frame.Code;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BudgetTest {
  private final FakeCompiler compiler = new FakeCompiler(); // 1000 bytes a class
  private final TestCodes.ManualClock clock = new TestCodes.ManualClock();
  private JitRuntime rt;

  @AfterEach
  void stop() {
    if (rt != null) {
      rt.shutdown(TestCodes.WAIT);
    }
  }

  private void start(JitConfig.Builder b) {
    rt = JitRuntime.start(b.threshold(0).build(), compiler, "fake", clock);
  }

  private void compile(Code c) {
    rt.lookup(c, Fork.CANCUN);
    quiesce(rt);
    assertTrue(rt.peek(c.hash(), Fork.CANCUN) instanceof Decision.Compiled || true);
  }

  private boolean compiled(Code c) {
    return rt.peek(c.hash(), Fork.CANCUN) instanceof Decision.Compiled;
  }

  private void tick(Duration d) {
    clock.advance(d);
    rt.coordinator().housekeepNow();
  }

  @Test
  void leastRecentlyUsedIsEvictedFirst() {
    start(config().budgetBytes(3_000));
    Code a = code(1);
    Code b = code(2);
    Code c = code(3);
    Code d = code(4);
    compile(a);
    compile(b);
    compile(c);
    tick(Duration.ofMillis(100));
    assertInstanceOf(Decision.Compiled.class, rt.lookup(a, Fork.CANCUN)); // a is now the most recent
    compile(d);
    assertTrue(compiled(a));
    assertTrue(!compiled(b), "b was the least recently used");
    assertTrue(compiled(c));
    assertTrue(compiled(d));
    JitStats s = rt.stats();
    assertEquals(1, s.evictions().lru());
    assertEquals(3, s.resident().entries());
    assertEquals(3_000, s.resident().bytes());
    assertEquals("UNKNOWN", rt.describe(b.hash(), Fork.CANCUN), "evicted code is cold again");
    // and is compiled again when it turns hot again
    compile(b);
    assertTrue(compiled(b));
    assertTrue(!compiled(c), "c is now the least recently used");
  }

  @Test
  void anEvictedProgramStaysUsableByWhoeverHoldsIt() {
    start(config().budgetBytes(1_000));
    Code a = code(1);
    compile(a);
    ExecutionEngine running = rt.selector().engineFor(a, Fork.CANCUN); // a frame is executing it
    assertInstanceOf(FakeCompiler.FakeProgram.class, running);
    compile(code(2));
    assertTrue(!compiled(a));
    // Nothing about eviction touches the program object: a frame that holds it finishes normally.
    assertSame(a, ((FakeCompiler.FakeProgram) running).code);
  }

  @Test
  void idleCodeIsEvictedEvenUnderBudget() {
    start(config().budgetBytes(1 << 20).idleEviction(Duration.ofSeconds(10)));
    Code a = code(1);
    Code b = code(2);
    compile(a);
    compile(b);
    tick(Duration.ofSeconds(6));
    rt.lookup(a, Fork.CANCUN);
    tick(Duration.ofSeconds(6));
    assertTrue(compiled(a), "a was used 6 s ago");
    assertTrue(!compiled(b), "b has been idle 12 s");
    assertEquals(1, rt.stats().evictions().idle());
    tick(Duration.ofSeconds(10));
    assertTrue(!compiled(a));
    assertEquals(0, rt.stats().resident().bytes());
  }

  @Test
  void loweringTheBudgetEvictsAtOnceAndRaisingItLetsCodeBack() {
    start(config().budgetBytes(10_000));
    for (int i = 0; i < 5; i++) {
      compile(code(i));
      tick(Duration.ofMillis(1));
    }
    rt.setBudgetBytes(2_500);
    JitStats s = rt.stats();
    assertEquals(2, s.resident().entries());
    assertEquals(2_000, s.resident().bytes());
    assertEquals(2_500, s.budgetBytes());
    assertTrue(compiled(code(3)) && compiled(code(4)), "the two most recent stay");
    rt.setBudgetBytes(10_000);
    compile(code(0));
    assertEquals(3, rt.stats().resident().entries());
  }

  @Test
  void pinnedCodeIsNeverEvicted() {
    start(config().budgetBytes(2_000).idleEviction(Duration.ofSeconds(1)).threshold(1_000));
    rt.setThreshold(1_000);
    Code a = code(1);
    rt.pin(a.hash());
    assertTrue(rt.isPinned(a.hash()));
    compile(a); // pinned code is compiled on first sight, whatever the threshold
    assertTrue(compiled(a));
    rt.setThreshold(0);
    for (int i = 2; i < 6; i++) {
      compile(code(i));
    }
    tick(Duration.ofSeconds(5)); // idle for all
    assertTrue(compiled(a));
    JitStats s = rt.stats();
    assertEquals(1, s.resident().pinnedEntries());
    assertEquals(1_000, s.resident().pinnedBytes());
    rt.setBudgetBytes(500); // below the pinned code: it stays anyway
    assertTrue(compiled(a));
    rt.unpin(a.hash());
    assertTrue(!compiled(a), "unpinned over budget: evicted at once");
    assertEquals(0, rt.stats().resident().bytes());
  }

  @Test
  void pinningCompiledCodeTakesItOutOfTheLru() {
    start(config().budgetBytes(2_000));
    Code a = code(1);
    compile(a);
    rt.pin(a.hash());
    compile(code(2));
    compile(code(3));
    compile(code(4));
    assertTrue(compiled(a));
    assertTrue(compiled(code(4)));
    assertEquals(2_000, rt.stats().resident().bytes());
  }
}
