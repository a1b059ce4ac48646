package org.evmjit.plugin.runtime;

import static org.evmjit.plugin.runtime.TestCodes.code;
import static org.evmjit.plugin.runtime.TestCodes.config;
import static org.evmjit.plugin.runtime.TestCodes.quiesce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.frame.Code;
import org.evmjit.evm.interpreter.Interpreter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LookupTest {
  private final FakeCompiler compiler = new FakeCompiler();
  private JitRuntime rt;

  @AfterEach
  void stop() {
    if (rt != null) {
      rt.shutdown(TestCodes.WAIT);
    }
  }

  private static InterpretReason reason(Decision d) {
    return assertInstanceOf(Decision.Interpret.class, d).reason();
  }

  @Test
  void thresholdZeroCompilesOnFirstSight() {
    rt = JitRuntime.start(config().threshold(0).build(), compiler);
    Code c = code(1);
    assertEquals(InterpretReason.NOT_YET_HOT, reason(rt.lookup(c, Fork.CANCUN)));
    quiesce(rt);
    Decision d = rt.lookup(c, Fork.CANCUN);
    Decision.Compiled compiled = assertInstanceOf(Decision.Compiled.class, d);
    assertInstanceOf(FakeCompiler.FakeProgram.class, compiled.engine());
    assertEquals(1000, compiled.classBytes());
    assertSame(d, rt.lookup(c, Fork.CANCUN), "the decision object is made once per install");
    assertEquals(1, compiler.compileCount(c, Fork.CANCUN));
    assertEquals("COMPILED", rt.describe(c.hash(), Fork.CANCUN));
  }

  @Test
  void callNumberThresholdPlusOneTriggersTheCompile() {
    rt = JitRuntime.start(config().threshold(3).build(), compiler);
    Code c = code(2);
    for (int i = 0; i < 3; i++) {
      assertEquals(InterpretReason.NOT_YET_HOT, reason(rt.lookup(c, Fork.CANCUN)));
    }
    quiesce(rt);
    assertEquals("COLD 3", rt.describe(c.hash(), Fork.CANCUN));
    assertEquals(0, compiler.compileCount(c, Fork.CANCUN));
    rt.lookup(c, Fork.CANCUN);
    quiesce(rt);
    assertInstanceOf(Decision.Compiled.class, rt.lookup(c, Fork.CANCUN));
    JitStats s = rt.stats();
    assertEquals(5, s.lookups().total());
    assertEquals(1, s.lookups().hits());
    assertEquals(4, s.lookups().interpreted().get(InterpretReason.NOT_YET_HOT));
    assertEquals(1, s.compilations().dispatched());
    assertEquals(1, s.compilations().succeeded());
  }

  @Test
  void keyedByCodeHashAndFork() {
    rt = JitRuntime.start(config().threshold(0).build(), compiler);
    Code c = code(3);
    rt.lookup(c, Fork.CANCUN);
    quiesce(rt);
    assertInstanceOf(Decision.Compiled.class, rt.lookup(c, Fork.CANCUN));
    assertEquals(InterpretReason.NOT_YET_HOT, reason(rt.lookup(c, Fork.SHANGHAI)));
    quiesce(rt);
    Decision.Compiled shanghai = assertInstanceOf(Decision.Compiled.class, rt.lookup(c, Fork.SHANGHAI));
    assertEquals(Fork.SHANGHAI, ((FakeCompiler.FakeProgram) shanghai.engine()).fork);
    assertEquals(1, compiler.compileCount(c, Fork.CANCUN));
    assertEquals(1, compiler.compileCount(c, Fork.SHANGHAI));
    assertEquals(2, rt.stats().resident().entries());
    // Equal bytes in another Code object are the same key.
    assertInstanceOf(Decision.Compiled.class, rt.lookup(code(3), Fork.CANCUN));
  }

  @Test
  void disabledAnswersDisabledAndCountsNothingElse() {
    rt = JitRuntime.start(config().threshold(0).enabled(false).build(), compiler);
    Code c = code(4);
    for (int i = 0; i < 5; i++) {
      assertEquals(InterpretReason.DISABLED, reason(rt.lookup(c, Fork.CANCUN)));
    }
    quiesce(rt);
    assertEquals(0, compiler.started.get());
    assertEquals(0, rt.stats().queue().offered());
    assertEquals(5, rt.stats().lookups().interpreted().get(InterpretReason.DISABLED));
    rt.setEnabled(true);
    rt.lookup(c, Fork.CANCUN);
    quiesce(rt);
    assertInstanceOf(Decision.Compiled.class, rt.lookup(c, Fork.CANCUN));
    rt.setEnabled(false); // compiled code stays resident but is not used
    assertEquals(InterpretReason.DISABLED, reason(rt.lookup(c, Fork.CANCUN)));
    rt.setEnabled(true);
    assertInstanceOf(Decision.Compiled.class, rt.lookup(c, Fork.CANCUN));
  }

  @Test
  void compilingWhileTheCompilerWorks() throws Exception {
    compiler.closed(false);
    rt = JitRuntime.start(config().threshold(0).build(), compiler);
    Code c = code(5);
    rt.lookup(c, Fork.CANCUN);
    compiler.awaitStarted(1);
    for (int i = 0; i < 100; i++) {
      assertEquals(InterpretReason.COMPILING, reason(rt.lookup(c, Fork.CANCUN)));
    }
    compiler.open();
    quiesce(rt);
    assertInstanceOf(Decision.Compiled.class, rt.lookup(c, Fork.CANCUN));
    assertEquals(100, rt.stats().lookups().interpreted().get(InterpretReason.COMPILING));
  }

  @Test
  void lookupsNeverTakeTheLockAndAFullQueueDropsEvents() {
    rt = JitRuntime.start(config().threshold(1_000).queueCapacity(4).build(), compiler);
    rt.coordinator().lock.lock(); // the coordinator cannot drain while we hold it
    try {
      for (int i = 0; i < 10; i++) {
        assertEquals(InterpretReason.NOT_YET_HOT, reason(rt.lookup(code(100 + i), Fork.CANCUN)));
      }
    } finally {
      rt.coordinator().lock.unlock();
    }
    quiesce(rt);
    JitStats s = rt.stats();
    assertEquals(10, s.queue().offered());
    assertEquals(6, s.queue().dropped());
    assertEquals(4, s.queue().processed());
    assertEquals(4, s.resident().coldCounters());
  }

  @Test
  void selectorUsesTheCompiledProgramOrTheInterpreter() {
    rt = JitRuntime.start(config().threshold(0).build(), compiler);
    Code c = code(6);
    assertSame(Interpreter.forFork(Fork.CANCUN), rt.selector().engineFor(c, Fork.CANCUN));
    quiesce(rt);
    assertInstanceOf(FakeCompiler.FakeProgram.class, rt.selector().engineFor(c, Fork.CANCUN));
  }

  @Test
  void anEntryIsNeverVisibleWithoutADecision() {
    // Entries are added to the lock-free table before their job is dispatched: a concurrent
    // lookup may see one at once (a state-test run once did), so it must already say COMPILING.
    Entry e = new Entry(1, 2, 3, 4, Fork.CANCUN);
    assertEquals(InterpretReason.COMPILING, reason(e.decision));
  }

  @Test
  void rejectsAHashOfTheWrongLength() {
    rt = JitRuntime.start(config().build(), compiler);
    assertThrows(IllegalArgumentException.class, () -> rt.lookup(new byte[31], Fork.CANCUN, code(1)));
  }

  @Test
  void hitAndMissPathsDoNotAllocate() {
    rt = JitRuntime.start(config().threshold(0).queueCapacity(1 << 16).build(), compiler);
    Code hot = code(7);
    rt.lookup(hot, Fork.CANCUN);
    quiesce(rt);
    Code[] cold = new Code[64];
    for (int i = 0; i < cold.length; i++) {
      cold[i] = code(1000 + i);
      cold[i].hash();
    }
    rt.setThreshold(Integer.MAX_VALUE);
    com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long tid = Thread.currentThread().threadId();
    // Warm up so the loop is compiled (the interpreter of HotSpot may allocate nothing anyway).
    for (int i = 0; i < 200_000; i++) {
      rt.lookup(hot, Fork.CANCUN);
    }
    long before = mx.getThreadAllocatedBytes(tid);
    long hits = 0;
    for (int i = 0; i < 200_000; i++) {
      if (rt.lookup(hot, Fork.CANCUN) instanceof Decision.Compiled) {
        hits++;
      }
    }
    long hitBytes = mx.getThreadAllocatedBytes(tid) - before;
    before = mx.getThreadAllocatedBytes(tid);
    for (int i = 0; i < 20_000; i++) {
      rt.lookup(cold[i & 63], Fork.CANCUN);
    }
    long missBytes = mx.getThreadAllocatedBytes(tid) - before;
    assertEquals(200_000, hits);
    assertTrue(hitBytes < 1024, "hit path allocated " + hitBytes + " bytes for 200,000 lookups");
    assertTrue(missBytes < 1024, "miss path allocated " + missBytes + " bytes for 20,000 lookups");
  }
}
