package org.evmjit.statetest.bench;

/**
 * How long to warm up and measure. A null run count means time-boxed: warm up for
 * {@code warmupNs} (at least one run), measure for {@code measureNs} with at least
 * {@code minRuns} and at most {@code maxRuns} runs.
 */
public record BenchConfig(
    Integer warmupRuns, Integer measureRuns, long warmupNs, long measureNs, int minRuns, int maxRuns) {

  /** Time-boxed defaults: about 1 s of warm-up and 2 s of measurement per input, at least 3 runs. */
  public static BenchConfig defaults(Integer warmupRuns, Integer measureRuns) {
    return new BenchConfig(warmupRuns, measureRuns, 1_000_000_000L, 2_000_000_000L, 3, 100_000);
  }
}
