package org.evmjit.statetest.bench;

/**
 * The measurement of one input on one engine.
 *
 * @param compileNanos time to compile the benchmark contract, -1 for engines that do not compile
 * @param classBytes size of its generated class (0 when not compiled)
 * @param status "ok", or what went wrong (rejected, reverted, halted, exception, a divergence
 *     from the reference engine), or "skipped: " and why the engine did not run the input
 * @param measured whether timings exist (false when the transaction was rejected or threw)
 * @param execMedianNs median time spent executing frames only (see
 *     {@link org.evmjit.evm.tx.TransactionResult#executionNanos}), -1 when the engine does not report it
 */
public record BenchResult(
    BenchCase benchCase, String engine, long gasUsed, long medianNs, int runs, String status, boolean measured,
    long compileNanos, int classBytes, long execMedianNs) {

  public BenchResult(BenchCase benchCase, String engine, long gasUsed, long medianNs, int runs, String status,
      boolean measured, long compileNanos, int classBytes) {
    this(benchCase, engine, gasUsed, medianNs, runs, status, measured, compileNanos, classBytes, -1);
  }

  public BenchResult(BenchCase benchCase, String engine, long gasUsed, long medianNs, int runs, String status,
      boolean measured) {
    this(benchCase, engine, gasUsed, medianNs, runs, status, measured, -1, 0);
  }

  public BenchResult withCompile(long nanos, int bytes) {
    return new BenchResult(benchCase, engine, gasUsed, medianNs, runs, status, measured, nanos, bytes, execMedianNs);
  }

  public BenchResult withExecMedian(long nanos) {
    return new BenchResult(benchCase, engine, gasUsed, medianNs, runs, status, measured, compileNanos, classBytes, nanos);
  }

  /** Whether the execution-only time was measured. */
  public boolean hasExec() {
    return measured && execMedianNs > 0;
  }

  /** Status of an input the engine did not run (past its time limit): not a failure. */
  public static String skippedStatus(String reason) {
    return SKIPPED + reason;
  }

  private static final String SKIPPED = "skipped: ";

  public boolean skipped() {
    return status.startsWith(SKIPPED);
  }

  /** This result with another status (a divergence found after the run); its timings kept. */
  public BenchResult withStatus(String newStatus) {
    return new BenchResult(benchCase, engine, gasUsed, medianNs, runs, newStatus, measured, compileNanos, classBytes,
        execMedianNs);
  }

  public boolean ok() {
    return "ok".equals(status);
  }

  /**
   * Million gas per second at the median time. Meaningful only for a run that ended normally
   * ({@link #ok}): a halt consumes all the gas it was given at once, whatever the time.
   */
  public double mgasPerSec() {
    return medianNs <= 0 ? 0 : gasUsed * 1000.0 / medianNs;
  }

  /** Million gas per second at the median execution-only time (0 when not measured). */
  public double execMgasPerSec() {
    return execMedianNs <= 0 ? 0 : gasUsed * 1000.0 / execMedianNs;
  }

  /** {@link #mgasPerSec} to three decimals, or null when the run did not end normally. */
  public Double mgasPerSecIfOk() {
    return ok() ? Math.round(mgasPerSec() * 1000) / 1000.0 : null;
  }

  /** {@link #mgasPerSec} for a table ({@code 123.45}), or {@code -} when the run did not end normally. */
  public String mgasPerSecText() {
    return ok() ? String.format(java.util.Locale.ROOT, "%.2f", mgasPerSec()) : "-";
  }
}
