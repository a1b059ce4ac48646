package org.evmjit.plugin.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.evmjit.evm.exec.ExecutionEngine;
import org.evmjit.store.Artifact;

/**
 * Defines the classes of preloaded programs in the background, hottest first, on a few daemon
 * threads that end when the list is done. A class the JVM refuses is rejected in the store
 * ({@link StoredClassDefiner}) and its entry taken out of the runtime, so the code is cold again
 * and compiled afresh if it turns hot.
 */
final class PreloadDefiner {
  private final List<DeferredProgram> programs;
  private final StoredClassDefiner definer;
  private final Coordinator coordinator;
  private final StoreCounters counters;
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicInteger remaining;
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean stopped;

  PreloadDefiner(List<DeferredProgram> programs, StoredClassDefiner definer, Coordinator coordinator,
      StoreCounters counters, int threadCount, String namePrefix) {
    this.programs = programs;
    this.definer = definer;
    this.coordinator = coordinator;
    this.counters = counters;
    this.remaining = new AtomicInteger(programs.size());
    int n = Math.min(threadCount, programs.size());
    for (int i = 0; i < n; i++) {
      Thread t = new Thread(this::run, namePrefix + (i + 1));
      t.setDaemon(true);
      threads.add(t);
    }
  }

  void start() {
    threads.forEach(Thread::start);
  }

  /** Programs not defined (nor refused) yet. */
  int pending() {
    return remaining.get();
  }

  private void run() {
    int i;
    while (!stopped && (i = next.getAndIncrement()) < programs.size()) {
      DeferredProgram p = programs.get(i);
      Artifact a = p.artifact();
      ExecutionEngine engine = definer.define(a, p.fork());
      if (engine != null) {
        p.defined(engine);
        counters.preloadDefined.increment();
      } else {
        p.refused();
        coordinator.discard(Coordinator.HashKey.of(a.key().codeHash()), p.fork(), p);
      }
      remaining.decrementAndGet();
    }
  }

  /** Stops defining (the programs left keep running on the interpreter) and waits for the threads until the deadline. */
  boolean stop(long deadlineNanos) throws InterruptedException {
    stopped = true;
    return Threads.joinUntil(threads, deadlineNanos);
  }
}
