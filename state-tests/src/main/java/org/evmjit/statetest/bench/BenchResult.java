package org.evmjit.statetest.bench;

/**
 * The measurement of one input.
 *
 * @param status "ok", or what went wrong (rejected, reverted, halted, exception)
 * @param measured whether timings exist (false when the transaction was rejected or threw)
 */
public record BenchResult(
    BenchCase benchCase, String engine, long gasUsed, long medianNs, int runs, String status, boolean measured) {

  public boolean ok() {
    return "ok".equals(status);
  }

  /** Million gas per second at the median time. */
  public double mgasPerSec() {
    return medianNs <= 0 ? 0 : gasUsed * 1000.0 / medianNs;
  }
}
