package org.evmjit.statetest.bench;

/**
 * The measurement of one input on one engine.
 *
 * @param compileNanos time to compile the benchmark contract, -1 for engines that do not compile
 * @param classBytes size of its generated class (0 when not compiled)
 * @param status "ok", or what went wrong (rejected, reverted, halted, exception)
 * @param measured whether timings exist (false when the transaction was rejected or threw)
 */
public record BenchResult(
    BenchCase benchCase, String engine, long gasUsed, long medianNs, int runs, String status, boolean measured,
    long compileNanos, int classBytes) {

  public BenchResult(BenchCase benchCase, String engine, long gasUsed, long medianNs, int runs, String status,
      boolean measured) {
    this(benchCase, engine, gasUsed, medianNs, runs, status, measured, -1, 0);
  }

  public BenchResult withCompile(long nanos, int bytes) {
    return new BenchResult(benchCase, engine, gasUsed, medianNs, runs, status, measured, nanos, bytes);
  }

  public boolean ok() {
    return "ok".equals(status);
  }

  /** Million gas per second at the median time. */
  public double mgasPerSec() {
    return medianNs <= 0 ? 0 : gasUsed * 1000.0 / medianNs;
  }
}
