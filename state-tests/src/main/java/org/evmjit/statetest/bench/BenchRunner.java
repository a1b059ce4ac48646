package org.evmjit.statetest.bench;

import java.util.Arrays;
import org.evmjit.evm.state.WorldState;
import org.evmjit.evm.tx.ExecutionStatus;
import org.evmjit.evm.tx.TransactionResult;
import org.evmjit.statetest.runner.Executor;

/**
 * Times one benchmark input: each run executes the transaction on a fresh copy of the pre-state
 * (copied outside the timed region); after warm-up, the median of the measured runs is reported,
 * both for the whole transaction and for the execution of its frames alone (the median of each
 * run's {@link TransactionResult#executionNanos}, when the executor reports it).
 */
public final class BenchRunner implements BenchEngine {
  private final Executor executor;
  private final String engineName;
  private final BenchConfig config;

  public BenchRunner(Executor executor, String engineName, BenchConfig config) {
    this.executor = executor;
    this.engineName = engineName;
    this.config = config;
  }

  @Override
  public BenchResult run(BenchCase c) {
    TransactionResult first;
    try {
      first = execute(c, c.pre().copy());
    } catch (Throwable t) {
      return failed(c, "exception: " + t);
    }
    if (!first.isValid()) {
      return failed(c, "transaction rejected: " + first.invalidReason());
    }
    String status = first.status() == ExecutionStatus.SUCCESS ? "ok"
        : first.status() == ExecutionStatus.REVERT ? "reverted"
        : "halted: " + first.haltReason();
    try {
      warmUp(c);
      long[][] samples = measure(c);
      long[] tx = samples[0], exec = samples[1];
      boolean execMeasured = Arrays.stream(exec).allMatch(ns -> ns >= 0);
      return new BenchResult(c, engineName, first.gasUsed(), median(tx), tx.length, status, true)
          .withExecMedian(execMeasured ? median(exec) : -1);
    } catch (Throwable t) {
      return failed(c, "exception: " + t);
    }
  }

  private void warmUp(BenchCase c) {
    if (config.warmupRuns() != null) {
      for (int i = 0; i < config.warmupRuns(); i++) {
        execute(c, c.pre().copy());
      }
      return;
    }
    long end = System.nanoTime() + config.warmupNs();
    do {
      execute(c, c.pre().copy());
    } while (System.nanoTime() < end);
  }

  /** Per measured run: the transaction's time ([0]) and its frames' execution time ([1]). */
  private long[][] measure(BenchCase c) {
    int fixed = config.measureRuns() == null ? -1 : Math.max(1, config.measureRuns());
    long[] samples = new long[fixed > 0 ? fixed : 64];
    long[] exec = new long[samples.length];
    int n = 0;
    long end = System.nanoTime() + config.measureNs(); // wall clock, copies included
    while (fixed > 0 ? n < fixed
        : n < config.minRuns() || (System.nanoTime() < end && n < config.maxRuns())) {
      WorldState state = c.pre().copy();
      long start = System.nanoTime();
      TransactionResult r = execute(c, state);
      long dt = System.nanoTime() - start;
      if (n == samples.length) {
        samples = Arrays.copyOf(samples, n * 2);
        exec = Arrays.copyOf(exec, n * 2);
      }
      exec[n] = r.executionNanos();
      samples[n++] = dt;
    }
    return new long[][] {Arrays.copyOf(samples, n), Arrays.copyOf(exec, n)};
  }

  private TransactionResult execute(BenchCase c, WorldState state) {
    return executor.execute(c.fork(), state, c.env(), c.tx(), null);
  }

  static long median(long[] samples) {
    long[] s = samples.clone();
    Arrays.sort(s);
    int mid = s.length / 2;
    return s.length % 2 == 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  }

  private BenchResult failed(BenchCase c, String why) {
    return new BenchResult(c, engineName, 0, 0, 0, why, false);
  }
}
