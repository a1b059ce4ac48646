package org.evmjit.statetest.bench;

import java.time.Duration;
import org.evmjit.evm.state.Account;
import org.evmjit.plugin.runtime.Decision;
import org.evmjit.plugin.runtime.JitRuntime;
import org.evmjit.plugin.runtime.JitStats;
import org.evmjit.statetest.runner.RuntimeExecutor;

/**
 * Benchmarks an input on the JIT runtime "as a node would": first the input runs over and over
 * (each on a fresh copy of its pre-state) until the runtime has compiled the called contract,
 * timing how long that took; then {@link BenchRunner} measures the steady state. The runtime is
 * shared by all inputs, so a contract compiled for an earlier input is compiled already.
 */
public final class RuntimeBenchRunner {
  /**
   * @param steady the steady-state measurement
   * @param runsToCompiled runs until the contract was compiled: 0 when it already was, -1 when it
   *     was not within the limit (or the transaction has no contract to call)
   * @param msToCompiled wall time of those runs, background compile included
   * @param compiledPercent share of lookups answered with compiled code during the measurement
   */
  public record Result(BenchResult steady, int runsToCompiled, double msToCompiled, double compiledPercent) {}

  private final RuntimeExecutor executor;
  private final BenchRunner steady;
  private final Duration limit;

  public RuntimeBenchRunner(RuntimeExecutor executor, String engineName, BenchConfig config, Duration limit) {
    this.executor = executor;
    this.steady = new BenchRunner(executor, engineName, config);
    this.limit = limit;
  }

  public Result run(BenchCase c) {
    JitRuntime rt = executor.runtime();
    byte[] target = targetCodeHash(c);
    int runs = -1;
    long start = System.nanoTime();
    if (target != null) {
      runs = 0;
      long deadline = start + limit.toNanos();
      try {
        while (!(rt.peek(target, c.fork()) instanceof Decision.Compiled)) {
          if (System.nanoTime() - deadline > 0) {
            runs = -1;
            break;
          }
          executor.execute(c.fork(), c.pre().copy(), c.env(), c.tx(), null);
          runs++;
        }
      } catch (RuntimeException | StackOverflowError e) {
        runs = -1; // the steady-state run reports what went wrong
      }
    }
    double ms = (System.nanoTime() - start) / 1e6;
    JitStats before = rt.stats();
    BenchResult result = steady.run(c);
    JitStats after = rt.stats();
    long lookups = after.lookups().total() - before.lookups().total();
    long hits = after.lookups().hits() - before.lookups().hits();
    return new Result(result, runs, runs < 0 ? 0 : ms, lookups == 0 ? 0 : 100.0 * hits / lookups);
  }

  /** The hash of the code the transaction calls, or null (a create, or an account without code). */
  static byte[] targetCodeHash(BenchCase c) {
    if (c.tx().to() == null) {
      return null;
    }
    Account a = c.pre().get(c.tx().to());
    return a == null || a.code().size() == 0 ? null : a.code().hash();
  }
}
