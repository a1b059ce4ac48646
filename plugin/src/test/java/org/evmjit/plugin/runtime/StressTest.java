package org.evmjit.plugin.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.evmjit.evm.state.WorldState;
import org.evmjit.evm.tx.Transaction;
import org.evmjit.evm.tx.TransactionResult;
import org.evmjit.plugin.runtime.stub.InterpreterStubCompiler;
import org.junit.jupiter.api.Test;

/**
 * Many threads call thousands of distinct contracts with Zipf popularity under a small budget.
 * Checked: every result (status, gas, output) equals the plain interpreter's; resident bytes,
 * sampled all along, never exceed the budget by more than one class; no caller waits for a
 * compile (phase 1 runs every caller to the end while every compile is blocked); eviction and
 * compiled runs both happened.
 */
class StressTest {
  private static final int CONTRACTS = 2_000;
  private static final int THREADS = 4;
  private static final int CALLS_PER_THREAD = 2_500;
  private static final long BUDGET = 64 * 1024;

  @Test
  void zipfCallersUnderASmallBudget() throws Exception {
    Contracts world = new Contracts(CONTRACTS);
    long maxClass = (long) world.maxCodeSize * InterpreterStubCompiler.BYTES_PER_CODE_BYTE
        + InterpreterStubCompiler.CLASS_OVERHEAD;
    FakeCompiler compiler = new FakeCompiler()
        .size(c -> InterpreterStubCompiler.estimatedClassBytes(c))
        .delay(TimeUnit.MICROSECONDS.toNanos(200))
        .closed(false);
    JitConfig cfg = JitConfig.builder().threshold(2).workers(2).budgetBytes(BUDGET).maxPendingJobs(16)
        .queueCapacity(1024).housekeepingInterval(Duration.ofMillis(5)).idleEviction(Duration.ofMillis(300))
        .build();
    Contracts.Zipf zipf = new Contracts.Zipf(CONTRACTS, 1.1);
    try (JitRuntime rt = JitRuntime.start(cfg, compiler)) {
      AtomicBoolean sampling = new AtomicBoolean(true);
      AtomicLong maxResident = new AtomicLong();
      Thread sampler = Thread.ofPlatform().start(() -> {
        while (sampling.get()) {
          maxResident.accumulateAndGet(rt.stats().resident().bytes(), Math::max);
          Thread.onSpinWait();
        }
      });

      // Phase 1: compiles are blocked; every caller must still finish.
      List<String> mismatches = runCallers(world, rt, zipf, 1);
      assertTrue(mismatches.isEmpty(), mismatches.toString());
      assertEquals(0, rt.stats().lookups().hits());
      assertTrue(rt.stats().compilations().dispatched() > 0);

      // Phase 2: compiles flow (200 µs each) while callers run; eviction keeps up.
      compiler.open();
      mismatches = runCallers(world, rt, zipf, 2);
      sampling.set(false);
      sampler.join();
      assertTrue(mismatches.isEmpty(), mismatches.toString());

      JitStats s = rt.stats();
      assertTrue(maxResident.get() <= BUDGET + maxClass,
          "resident " + maxResident.get() + " > budget " + BUDGET + " + one class " + maxClass);
      assertTrue(s.resident().bytes() <= BUDGET);
      assertTrue(s.lookups().hits() > 0, "compiled code ran");
      assertTrue(s.evictions().lru() + s.evictions().idle() > 0, "eviction happened: " + s.toJson());
      assertTrue(s.compilations().succeeded() > 10);
      System.out.println("stress: " + s.lookups().total() + " lookups, " + s.lookups().hits() + " hits, "
          + s.compilations().succeeded() + " compiles, " + s.evictions().lru() + " LRU + " + s.evictions().idle()
          + " idle evictions, " + s.queue().dropped() + " events dropped, max resident " + maxResident.get()
          + " of " + BUDGET + " bytes");
    }
  }

  private static List<String> runCallers(Contracts world, JitRuntime rt, Contracts.Zipf zipf, int phase)
      throws InterruptedException {
    ConcurrentLinkedQueue<String> mismatches = new ConcurrentLinkedQueue<>();
    CountDownLatch done = new CountDownLatch(THREADS);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int seed = phase * 100 + t;
      threads.add(Thread.ofPlatform().name("caller-" + t).start(() -> {
        try {
          Random random = new Random(seed);
          WorldState jit = world.pre.copy();
          WorldState ref = world.pre.copy();
          for (int i = 0; i < CALLS_PER_THREAD && mismatches.size() < 10; i++) {
            Transaction tx = world.call(zipf.next(random), i, random.nextLong());
            TransactionResult expected = Contracts.run(ref, null, tx);
            TransactionResult actual = Contracts.run(jit, rt.selector(), tx);
            String diff = Contracts.compare(expected, actual);
            if (diff != null) {
              mismatches.add("call " + i + ": " + diff);
            }
          }
        } catch (Throwable e) {
          mismatches.add(e.toString());
        } finally {
          done.countDown();
        }
      }));
    }
    // In phase 1 every compile is blocked: a caller that waited for one would never get here.
    if (!done.await(2, TimeUnit.MINUTES)) {
      mismatches.add("callers did not finish");
    }
    for (Thread t : threads) {
      t.join();
    }
    return new ArrayList<>(mismatches);
  }
}
