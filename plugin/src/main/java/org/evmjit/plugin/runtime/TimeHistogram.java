package org.evmjit.plugin.runtime;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * Durations in nanoseconds, log-linear buckets (8 per power of two, so a percentile is at most
 * 12.5% above the true value), thread-safe and fixed in size. For compile times.
 */
final class TimeHistogram {
  private static final int LINEAR = 16;
  private static final int SUB = 8;
  private static final int BUCKETS = LINEAR + (63 - 4) * SUB;

  private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
  private final LongAdder total = new LongAdder();
  private final LongAdder sum = new LongAdder();
  private final LongAccumulator max = new LongAccumulator(Math::max, 0);

  static int bucket(long nanos) {
    if (nanos < LINEAR) {
      return (int) Math.max(0, nanos);
    }
    int msb = 63 - Long.numberOfLeadingZeros(nanos);
    return LINEAR + (msb - 4) * SUB + (int) ((nanos >>> (msb - 3)) & (SUB - 1));
  }

  /** The largest value that falls in bucket {@code i}. */
  static long upperBound(int i) {
    if (i < LINEAR) {
      return i;
    }
    int msb = (i - LINEAR) / SUB + 4;
    long sub = (i - LINEAR) % SUB;
    long lower = (SUB + sub) << (msb - 3);
    return lower + (1L << (msb - 3)) - 1;
  }

  void record(long nanos) {
    counts.incrementAndGet(bucket(nanos));
    total.increment();
    sum.add(nanos);
    max.accumulate(nanos);
  }

  void reset() {
    for (int i = 0; i < BUCKETS; i++) {
      counts.set(i, 0);
    }
    total.reset();
    sum.reset();
    max.reset();
  }

  /** A consistent-enough view: counts read one by one while others may record. */
  JitStats.CompileTimes snapshot() {
    long[] c = new long[BUCKETS];
    long n = 0;
    for (int i = 0; i < BUCKETS; i++) {
      c[i] = counts.get(i);
      n += c[i];
    }
    long m = max.get();
    return new JitStats.CompileTimes(n,
        n == 0 ? 0 : millis(sum.sum() / Math.max(1, total.sum())),
        millis(percentile(c, n, 0.50, m)), millis(percentile(c, n, 0.90, m)),
        millis(percentile(c, n, 0.99, m)), millis(m));
  }

  private static long percentile(long[] c, long n, double q, long max) {
    if (n == 0) {
      return 0;
    }
    long rank = (long) Math.ceil(q * n);
    long seen = 0;
    for (int i = 0; i < c.length; i++) {
      seen += c[i];
      if (seen >= rank) {
        return Math.min(upperBound(i), max);
      }
    }
    return max;
  }

  private static double millis(long nanos) {
    return Math.round(nanos / 1_000.0) / 1_000.0;
  }
}
