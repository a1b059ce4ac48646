package org.evmjit.statetest.aot;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The counts of an {@code aot} run, fed from one thread; {@link #line} is its last line. */
public final class AotTally {
  public static final String ALREADY_STORED = "already stored";
  public static final String EMPTY_CODE = "empty code";

  private long compiled;
  private long classBytes;
  private long failed;
  private final Map<String, Long> skipped = new LinkedHashMap<>();

  void addCompiled(long bytes) {
    compiled++;
    classBytes += bytes;
  }

  void addSkipped(String reason) {
    skipped.merge(reason, 1L, Long::sum);
  }

  void addFailed() {
    failed++;
  }

  /** Counts {@code n} failures found outside the compiler (unreadable input files). */
  public void addFailed(long n) {
    failed += n;
  }

  public long compiled() {
    return compiled;
  }

  public long classBytes() {
    return classBytes;
  }

  public long failed() {
    return failed;
  }

  public long skipped() {
    return skipped.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Skipped, by reason, in order of first occurrence. */
  public Map<String, Long> skippedByReason() {
    return Map.copyOf(skipped);
  }

  /** Contracts done (compiled, skipped or failed). */
  public long done() {
    return compiled + skipped() + failed;
  }

  /**
   * {@code aot: 4,159 compiled, 2 skipped (1 empty code, 1 already stored), 0 failed;
   * 812 contracts/s; 22,574,228 class bytes}.
   */
  public String line(double seconds) {
    String reasons = skipped.isEmpty() ? ""
        : skipped.entrySet().stream().map(e -> String.format(Locale.ROOT, "%,d %s", e.getValue(), e.getKey()))
            .collect(Collectors.joining(", ", " (", ")"));
    return String.format(Locale.ROOT, "aot: %,d compiled, %,d skipped%s, %,d failed; %,.0f contracts/s; %,d class bytes",
        compiled, skipped(), reasons, failed, done() / Math.max(seconds, 1e-3), classBytes);
  }
}
