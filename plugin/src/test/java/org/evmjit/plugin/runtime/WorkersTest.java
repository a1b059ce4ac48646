package org.evmjit.plugin.runtime;

import static org.evmjit.plugin.runtime.TestCodes.code;
import static org.evmjit.plugin.runtime.TestCodes.config;
import static org.evmjit.plugin.runtime.TestCodes.quiesce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.frame.Code;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkersTest {
  private final FakeCompiler compiler = new FakeCompiler();
  private JitRuntime rt;

  @AfterEach
  void stop() {
    compiler.open();
    if (rt != null) {
      rt.shutdown(TestCodes.WAIT);
    }
  }

  @Test
  void concurrentCallersOfOneHotCodeCauseOneCompile() throws Exception {
    compiler.closed(false);
    rt = JitRuntime.start(config().threshold(0).workers(2).build(), compiler);
    Code c = code(1);
    List<Thread> threads = new ArrayList<>();
    CountDownLatch go = new CountDownLatch(1);
    for (int t = 0; t < 4; t++) {
      threads.add(Thread.ofPlatform().start(() -> {
        try {
          go.await();
        } catch (InterruptedException e) {
          return;
        }
        for (int i = 0; i < 2_000; i++) {
          rt.lookup(c, Fork.CANCUN);
        }
      }));
    }
    go.countDown();
    for (Thread t : threads) {
      t.join(); // the callers finish while the compile is still blocked: nobody waits for it
    }
    compiler.awaitStarted(1);
    quiesceEvents();
    assertEquals(1, compiler.started.get());
    compiler.open();
    quiesce(rt);
    assertEquals(1, compiler.compileCount(c, Fork.CANCUN));
    assertEquals(1, rt.stats().compilations().dispatched());
    assertInstanceOf(Decision.Compiled.class, rt.lookup(c, Fork.CANCUN));
  }

  /** Waits until the coordinator has counted every posted event. */
  private void quiesceEvents() throws InterruptedException {
    for (int i = 0; i < 10_000 && rt.stats().queue().size() > 0; i++) {
      Thread.sleep(1);
    }
  }

  @Test
  void pendingJobsAreBoundedAndDeferredCodeIsCompiledLater() throws Exception {
    compiler.closed(false);
    rt = JitRuntime.start(config().threshold(0).workers(1).maxPendingJobs(2).build(), compiler);
    rt.lookup(code(0), Fork.CANCUN);
    compiler.awaitStarted(1); // the only worker is busy from now on
    for (int i = 1; i < 10; i++) {
      rt.lookup(code(i), Fork.CANCUN);
    }
    // wait for the coordinator to count all ten events
    awaitTrue(() -> rt.stats().queue().processed() >= 10, "the coordinator counted the ten events");
    JitStats s = rt.stats();
    assertEquals(3, s.compilations().dispatched(), "one running, two pending");
    assertEquals(2, s.compilations().pending());
    assertEquals(1, s.compilations().running());
    assertEquals(7, s.compilations().deferred());
    assertEquals(7, s.resident().coldCounters(), "deferred code keeps its count");
    compiler.open();
    quiesce(rt);
    for (int round = 0; round < 10; round++) { // deferred code is still hot: promoted as room frees up
      for (int i = 0; i < 10; i++) {
        rt.lookup(code(i), Fork.CANCUN);
      }
      quiesce(rt);
    }
    for (int i = 0; i < 10; i++) {
      assertInstanceOf(Decision.Compiled.class, rt.lookup(code(i), Fork.CANCUN), "code " + i);
    }
    assertEquals(10, rt.stats().compilations().succeeded());
  }

  @Test
  void workersRunInParallelUpToTheirNumber() throws Exception {
    compiler.closed(false);
    rt = JitRuntime.start(config().threshold(0).workers(3).build(), compiler);
    for (int i = 0; i < 6; i++) {
      rt.lookup(code(i), Fork.CANCUN);
    }
    compiler.awaitStarted(3);
    assertEquals(3, compiler.concurrent.get());
    compiler.open();
    quiesce(rt);
    assertEquals(3, compiler.maxConcurrent.get());
    assertEquals(6, rt.stats().compilations().succeeded());
  }

  @Test
  void aCompileOverTheTimeLimitIsAbandonedAndItsWorkerReplaced() throws Exception {
    TestCodes.ManualClock clock = new TestCodes.ManualClock();
    compiler.closed(true); // a compiler that ignores interrupts: the worst case
    rt = JitRuntime.start(config().threshold(0).workers(1).compileTimeout(Duration.ofSeconds(1)).build(),
        compiler, "fake", clock);
    Code slow = code(1);
    rt.lookup(slow, Fork.CANCUN);
    compiler.awaitStarted(1);
    clock.advance(Duration.ofSeconds(2));
    rt.coordinator().housekeepNow();
    assertEquals(InterpretReason.FAILED,
        assertInstanceOf(Decision.Interpret.class, rt.lookup(slow, Fork.CANCUN)).reason());
    assertTrue(rt.describe(slow.hash(), Fork.CANCUN).startsWith("FAILED (compile took longer than 1000 ms"),
        rt.describe(slow.hash(), Fork.CANCUN));
    assertEquals(1, rt.stats().compilations().timedOut());
    assertEquals(1, rt.stats().compilations().failed());
    // the interrupt is sent by housekeeping; the stuck thread counts it when it wakes
    awaitTrue(() -> compiler.interrupted.get() >= 1, "the stuck worker was interrupted");
    assertEquals(2, rt.workerThreads(), "a fresh worker took the stuck one's place");

    // The replacement compiles other code while the stuck one still hangs (the gate is shared, so
    // let the new job through by opening the gate; the stuck result must be discarded).
    compiler.open();
    Code other = code(2);
    rt.lookup(other, Fork.CANCUN);
    quiesce(rt);
    assertInstanceOf(Decision.Compiled.class, rt.lookup(other, Fork.CANCUN));
    awaitTrue(() -> rt.stats().compilations().discarded() != 0, "the late result was dropped");
    assertEquals(1, rt.stats().compilations().discarded(), "the late result was dropped once");
    assertEquals(InterpretReason.FAILED,
        assertInstanceOf(Decision.Interpret.class, rt.lookup(slow, Fork.CANCUN)).reason());
    awaitTrue(() -> rt.workerThreads() == 1, "the retired worker exited once its compile returned");
  }

  /**
   * Waits for something another thread does (bounded at 30 s so a real failure still ends the
   * test): an assertion about an event, never about how fast it happens.
   */
  private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("not within 30 s: " + what);
      }
      Thread.sleep(1);
    }
  }

  @Test
  void aThrowingCompilerIsAFailureAndTheWorkerSurvives() {
    Code bad = code(1);
    compiler.throwing(c -> c.hash()[0] == bad.hash()[0]);
    rt = JitRuntime.start(config().threshold(0).build(), compiler);
    rt.lookup(bad, Fork.CANCUN);
    quiesce(rt);
    assertTrue(rt.describe(bad.hash(), Fork.CANCUN).contains("fake compiler bug"));
    Code good = code(2);
    rt.lookup(good, Fork.CANCUN);
    quiesce(rt);
    assertInstanceOf(Decision.Compiled.class, rt.lookup(good, Fork.CANCUN));
  }
}
