package org.evmjit.plugin.runtime;

import static org.evmjit.plugin.runtime.TestCodes.code;
import static org.evmjit.plugin.runtime.TestCodes.config;
import static org.evmjit.plugin.runtime.TestCodes.quiesce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.frame.Code;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ControlTest {
  private final FakeCompiler compiler = new FakeCompiler();
  private JitRuntime rt;

  @AfterEach
  void stop() {
    compiler.open();
    if (rt != null) {
      rt.shutdown(TestCodes.WAIT);
    }
  }

  private InterpretReason reason(Code c) {
    return assertInstanceOf(Decision.Interpret.class, rt.lookup(c, Fork.CANCUN)).reason();
  }

  @Test
  void resetForgetsEverythingAndDropsInFlightResults() throws Exception {
    rt = JitRuntime.start(config().threshold(0).build(), compiler);
    Code a = code(1);
    rt.lookup(a, Fork.CANCUN);
    quiesce(rt);
    rt.pin(a.hash());
    rt.setThreshold(5);
    rt.lookup(code(2), Fork.CANCUN); // counted, not hot
    quiesce(rt);
    compiler.closed(false);
    rt.setThreshold(0);
    Code b = code(3);
    rt.lookup(b, Fork.CANCUN);
    compiler.awaitStarted(1); // b is being compiled

    rt.reset();
    JitStats s = rt.stats();
    assertEquals(0, s.resident().entries());
    assertEquals(0, s.resident().bytes());
    assertEquals(0, s.resident().coldCounters());
    assertEquals(0, s.resident().pinnedHashes());
    assertEquals(1, s.evictions().reset());
    assertEquals("UNKNOWN", rt.describe(a.hash(), Fork.CANCUN));
    assertEquals("UNKNOWN", rt.describe(code(2).hash(), Fork.CANCUN));
    assertFalse(rt.isPinned(a.hash()));
    assertEquals(InterpretReason.NOT_YET_HOT, reason(b));

    compiler.open();
    quiesce(rt);
    // b's late result was discarded; the lookup above made b hot again, so it was compiled anew
    assertEquals(1, rt.stats().compilations().discarded());
    assertInstanceOf(Decision.Compiled.class, rt.lookup(b, Fork.CANCUN));
    assertEquals(2, compiler.compileCount(b, Fork.CANCUN));
  }

  @Test
  void clearColdKeepsCompiledCode() {
    rt = JitRuntime.start(config().threshold(2).build(), compiler);
    Code hot = code(1);
    for (int i = 0; i < 3; i++) {
      rt.lookup(hot, Fork.CANCUN);
    }
    rt.lookup(code(2), Fork.CANCUN);
    rt.lookup(code(2), Fork.CANCUN);
    quiesce(rt);
    assertEquals("COLD 2", rt.describe(code(2).hash(), Fork.CANCUN));
    assertEquals(1, rt.clearCold());
    assertEquals("UNKNOWN", rt.describe(code(2).hash(), Fork.CANCUN));
    assertInstanceOf(Decision.Compiled.class, rt.lookup(hot, Fork.CANCUN));
    rt.lookup(code(2), Fork.CANCUN);
    quiesce(rt);
    assertEquals("COLD 1", rt.describe(code(2).hash(), Fork.CANCUN), "counting starts over");
  }

  @Test
  void thresholdChangesWhileRunning() {
    rt = JitRuntime.start(config().threshold(100).build(), compiler);
    Code c = code(1);
    for (int i = 0; i < 10; i++) {
      rt.lookup(c, Fork.CANCUN);
    }
    quiesce(rt);
    assertEquals("COLD 10", rt.describe(c.hash(), Fork.CANCUN));
    rt.setThreshold(10);
    assertEquals(10, rt.threshold());
    rt.lookup(c, Fork.CANCUN); // call 11 > 10
    quiesce(rt);
    assertInstanceOf(Decision.Compiled.class, rt.lookup(c, Fork.CANCUN));
  }

  @Test
  void coldCountersAreBoundedLeastRecentlySeenFirst() {
    rt = JitRuntime.start(config().threshold(100).maxColdEntries(3).build(), compiler);
    for (int i = 0; i < 4; i++) {
      rt.lookup(code(i), Fork.CANCUN);
      quiesce(rt);
    }
    assertEquals("UNKNOWN", rt.describe(code(0).hash(), Fork.CANCUN));
    assertEquals("COLD 1", rt.describe(code(3).hash(), Fork.CANCUN));
    JitStats s = rt.stats();
    assertEquals(3, s.resident().coldCounters());
    assertEquals(1, s.evictions().coldCounters());
  }

  @Test
  void shutdownWithJobsPendingStopsPromptly() throws Exception {
    compiler.closed(false); // interruptible compiler
    rt = JitRuntime.start(config().threshold(0).workers(1).build(), compiler);
    for (int i = 0; i < 5; i++) {
      rt.lookup(code(i), Fork.CANCUN);
    }
    compiler.awaitStarted(1);
    assertTrue(rt.shutdown(Duration.ofSeconds(10)), "every thread stopped");
    JitStats s = rt.stats();
    assertFalse(s.enabled());
    assertEquals(0, s.compilations().pending());
    assertEquals(0, s.resident().entries());
    assertEquals(InterpretReason.DISABLED, reason(code(0)));
    rt.setEnabled(true);
    assertEquals(InterpretReason.DISABLED, reason(code(0)), "no coming back after a shutdown");
    assertTrue(rt.shutdown(Duration.ofSeconds(1)), "a second shutdown is harmless");
    assertEquals(1, compiler.interrupted.get());
    assertEquals(1, compiler.started.get(), "pending jobs never ran");
  }

  @Test
  void shutdownGivesUpOnACompilerThatIgnoresInterrupts() throws Exception {
    compiler.closed(true);
    rt = JitRuntime.start(config().threshold(0).workers(1).build(), compiler);
    rt.lookup(code(1), Fork.CANCUN);
    compiler.awaitStarted(1);
    assertFalse(rt.shutdown(Duration.ofMillis(200)), "the stuck worker is reported, not waited for");
    assertEquals(InterpretReason.DISABLED, reason(code(1)));
    compiler.open();
    for (int i = 0; i < 1000 && compiler.finished.get() == 0; i++) {
      Thread.sleep(1);
    }
    assertTrue(rt.shutdown(Duration.ofSeconds(10)), "the worker ends once its compile returns");
    assertEquals(0, rt.stats().compilations().succeeded());
  }

  @Test
  void closeUsesTheConfiguredTimeout() {
    rt = JitRuntime.start(config().threshold(0).shutdownTimeout(Duration.ofSeconds(5)).build(), compiler);
    rt.lookup(code(1), Fork.CANCUN);
    rt.close();
    assertFalse(rt.isEnabled());
  }
}
