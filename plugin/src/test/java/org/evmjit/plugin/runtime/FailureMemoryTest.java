package org.evmjit.plugin.runtime;

import static org.evmjit.plugin.runtime.TestCodes.code;
import static org.evmjit.plugin.runtime.TestCodes.config;
import static org.evmjit.plugin.runtime.TestCodes.quiesce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.util.Arrays;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.frame.Code;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FailureMemoryTest {
  private final FakeCompiler compiler = new FakeCompiler();
  private final TestCodes.ManualClock clock = new TestCodes.ManualClock();
  private JitRuntime rt;

  @AfterEach
  void stop() {
    if (rt != null) {
      rt.shutdown(TestCodes.WAIT);
    }
  }

  private InterpretReason reason(Code c) {
    return assertInstanceOf(Decision.Interpret.class, rt.lookup(c, Fork.CANCUN)).reason();
  }

  private void advance(Duration d) {
    clock.advance(d);
    rt.coordinator().housekeepNow();
  }

  @Test
  void ineligibleCodeIsNeverCompiledAgain() {
    compiler.ineligible(c -> true);
    rt = JitRuntime.start(config().threshold(0).build(), compiler, "fake", clock);
    Code c = code(1);
    rt.lookup(c, Fork.CANCUN);
    quiesce(rt);
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < 100; i++) {
        assertEquals(InterpretReason.INELIGIBLE, reason(c));
      }
      advance(Duration.ofDays(1));
      quiesce(rt);
    }
    assertEquals(1, compiler.compileCount(c, Fork.CANCUN));
    assertEquals("INELIGIBLE (fake: ineligible)", rt.describe(c.hash(), Fork.CANCUN));
    assertEquals(1, rt.stats().compilations().ineligible());
    assertEquals(1, rt.stats().resident().ineligible());
  }

  @Test
  void failedCodeIsRetriedAfterAnExponentialBackoff() {
    compiler.failing(c -> true);
    rt = JitRuntime.start(config().threshold(0).failureBackoff(Duration.ofSeconds(10))
        .maxFailureBackoff(Duration.ofSeconds(25)).build(), compiler, "fake", clock);
    Code c = code(1);
    rt.lookup(c, Fork.CANCUN);
    quiesce(rt);
    assertEquals(InterpretReason.FAILED, reason(c));
    advance(Duration.ofSeconds(9));
    reason(c);
    quiesce(rt);
    assertEquals(1, compiler.compileCount(c, Fork.CANCUN), "still backing off");
    advance(Duration.ofSeconds(1));
    assertEquals(InterpretReason.FAILED, reason(c)); // posts the retry
    quiesce(rt);
    assertEquals(2, compiler.compileCount(c, Fork.CANCUN));
    // second failure: 20 s
    advance(Duration.ofSeconds(19));
    reason(c);
    quiesce(rt);
    assertEquals(2, compiler.compileCount(c, Fork.CANCUN));
    advance(Duration.ofSeconds(1));
    reason(c);
    quiesce(rt);
    assertEquals(3, compiler.compileCount(c, Fork.CANCUN));
    // third failure: 40 s capped at 25 s
    advance(Duration.ofSeconds(25));
    compiler.failing(x -> false);
    reason(c);
    quiesce(rt);
    assertEquals(4, compiler.compileCount(c, Fork.CANCUN));
    assertInstanceOf(Decision.Compiled.class, rt.lookup(c, Fork.CANCUN));
    assertEquals(3, rt.stats().compilations().failed());
    assertEquals(0, rt.stats().resident().failed());
  }

  @Test
  void failureMemoryIsBoundedOldestFirst() {
    compiler.failing(c -> true);
    rt = JitRuntime.start(config().threshold(0).maxFailureEntries(2).build(), compiler, "fake", clock);
    for (int i = 1; i <= 3; i++) {
      rt.lookup(code(i), Fork.CANCUN);
      quiesce(rt);
    }
    assertEquals("UNKNOWN", rt.describe(code(1).hash(), Fork.CANCUN));
    assertEquals("FAILED (fake: failed)", rt.describe(code(2).hash(), Fork.CANCUN));
    assertEquals("FAILED (fake: failed)", rt.describe(code(3).hash(), Fork.CANCUN));
    assertEquals(1, rt.stats().evictions().failureMemory());
    assertEquals(2, rt.stats().resident().failed());
    // forgotten code counts from zero again, and so is compiled again once hot
    rt.lookup(code(1), Fork.CANCUN);
    quiesce(rt);
    assertEquals(2, compiler.compileCount(code(1), Fork.CANCUN));
  }

  @Test
  void aClassLargerThanTheBudgetIsAFailure() {
    compiler.size(c -> Arrays.equals(c.bytes(), code(1).bytes()) ? 5_000 : 100);
    rt = JitRuntime.start(config().threshold(0).budgetBytes(4_000).build(), compiler, "fake", clock);
    rt.lookup(code(1), Fork.CANCUN);
    rt.lookup(code(2), Fork.CANCUN);
    quiesce(rt);
    assertEquals(InterpretReason.FAILED, reason(code(1)));
    assertInstanceOf(Decision.Compiled.class, rt.lookup(code(2), Fork.CANCUN));
    assertEquals(1, rt.stats().compilations().overBudget());
    assertEquals(100, rt.stats().resident().bytes());
  }
}
