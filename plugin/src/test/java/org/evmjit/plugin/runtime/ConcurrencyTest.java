package org.evmjit.plugin.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.evmjit.evm.state.WorldState;
import org.evmjit.evm.tx.Transaction;
import org.evmjit.evm.tx.TransactionResult;
import org.junit.jupiter.api.Test;

/**
 * Callers run transactions while another thread resets, clears, pins, unpins, changes the
 * threshold and the budget and toggles the runtime, as compiles complete and evictions happen.
 * Every result must equal the interpreter's, nothing may throw, and the runtime must still work
 * afterwards.
 */
class ConcurrencyTest {
  @Test
  void callersWhileCompilationEvictionAndResetHappen() throws Exception {
    Contracts world = new Contracts(200);
    FakeCompiler compiler = new FakeCompiler().size(c -> 500 + c.size()).delay(TimeUnit.MICROSECONDS.toNanos(100));
    JitConfig cfg = JitConfig.builder().threshold(0).workers(2).budgetBytes(20_000).maxPendingJobs(8)
        .housekeepingInterval(Duration.ofMillis(2)).idleEviction(Duration.ZERO).build();
    try (JitRuntime rt = JitRuntime.start(cfg, compiler)) {
      AtomicBoolean running = new AtomicBoolean(true);
      ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
      Thread chaos = Thread.ofPlatform().name("chaos").start(() -> {
        Random r = new Random(7);
        int ops = 0;
        while (running.get()) {
          try {
            byte[] hash = world.pre.get(Contracts.address(r.nextInt(200))).code().hash();
            switch (r.nextInt(8)) {
              case 0 -> rt.reset();
              case 1 -> rt.clearCold();
              case 2 -> rt.pin(hash);
              case 3 -> rt.unpin(hash);
              case 4 -> rt.setBudgetBytes(5_000 + r.nextInt(30_000));
              case 5 -> rt.setThreshold(r.nextInt(3));
              case 6 -> rt.setEnabled(r.nextInt(4) != 0);
              default -> rt.stats();
            }
            ops++;
            Thread.sleep(0, 200_000);
          } catch (Throwable t) {
            problems.add("chaos: " + t);
          }
        }
        rt.setEnabled(true);
        System.out.println("concurrency: " + ops + " control operations");
      });
      List<Thread> callers = new ArrayList<>();
      for (int t = 0; t < 3; t++) {
        int seed = t;
        callers.add(Thread.ofPlatform().start(() -> {
          Random r = new Random(seed);
          WorldState jit = world.pre.copy();
          WorldState ref = world.pre.copy();
          try {
            for (int i = 0; i < 3_000; i++) {
              Transaction tx = world.call(r.nextInt(200), i, r.nextLong());
              TransactionResult expected = Contracts.run(ref, null, tx);
              String diff = Contracts.compare(expected, Contracts.run(jit, rt.selector(), tx));
              if (diff != null) {
                problems.add("call " + i + ": " + diff);
              }
            }
          } catch (Throwable e) {
            problems.add(e.toString());
          }
        }));
      }
      for (Thread t : callers) {
        t.join();
      }
      running.set(false);
      chaos.join();
      assertTrue(problems.isEmpty(), problems.toString());
      JitStats s = rt.stats();
      assertTrue(s.lookups().hits() > 0, s.toJson());
      assertTrue(s.evictions().reset() > 0 && s.evictions().lru() > 0, s.toJson());

      // still consistent: after a reset and with room, everything compiles and resident bytes add up
      rt.reset();
      rt.setBudgetBytes(1 << 20);
      rt.setThreshold(0);
      for (int round = 0; round < 100 && rt.stats().resident().entries() < 200; round++) {
        for (int i = 0; i < 200; i++) { // at most 8 pending jobs: the rest is deferred to later rounds
          rt.lookup(world.pre.get(Contracts.address(i)).code(), org.evmjit.evm.fork.Fork.CANCUN);
        }
        TestCodes.quiesce(rt);
      }
      s = rt.stats();
      assertEquals(200, s.resident().entries());
      long expectedBytes = 0;
      for (int i = 0; i < 200; i++) {
        expectedBytes += 500 + world.pre.get(Contracts.address(i)).code().size();
      }
      assertEquals(expectedBytes, s.resident().bytes());
    }
  }
}
