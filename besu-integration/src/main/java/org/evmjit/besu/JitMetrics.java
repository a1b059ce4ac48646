package org.evmjit.besu;

import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import org.evmjit.plugin.runtime.JitStats;
import org.hyperledger.besu.plugin.services.MetricsSystem;

/**
 * Registers the plugin's metrics with Besu's {@link MetricsSystem}: each reads the runtime's
 * statistics when Besu scrapes (a snapshot at most once every 500 ms) or the plugin's frame
 * counters. Counters only grow; gauges are current values.
 */
final class JitMetrics {
  /** One metric: its name (after {@code evmjit_}), help text, whether it is a counter, and its value. */
  record Metric(String name, String help, boolean counter, Function<JitStats, Double> value) {}

  static final Metric[] FROM_STATS = {
    new Metric("lookups_total", "Frame starts looked up in the runtime", true, s -> (double) s.lookups().total()),
    new Metric("hits_total", "Lookups that found compiled code", true, s -> (double) s.lookups().hits()),
    new Metric("compiles_total", "Successful compilations", true, s -> (double) s.compilations().succeeded()),
    new Metric("compile_failures_total", "Failed compilations", true, s -> (double) s.compilations().failed()),
    new Metric("compile_time_mean_ms", "Mean compile time (ms)", false, s -> s.compilations().timeMillis().mean()),
    new Metric("compile_time_p99_ms", "99th percentile compile time (ms)", false, s -> s.compilations().timeMillis().p99()),
    new Metric("resident_bytes", "Bytes of compiled classes held", false, s -> (double) s.resident().bytes()),
    new Metric("resident_entries", "Compiled programs held", false, s -> (double) s.resident().entries()),
    new Metric("budget_bytes", "Memory budget for compiled classes", false, s -> (double) s.budgetBytes()),
    new Metric("evictions_total", "Compiled programs evicted (LRU and idle)", true,
        s -> (double) (s.evictions().lru() + s.evictions().idle())),
    new Metric("store_preloaded_total", "Artifacts preloaded from the store at start", true,
        s -> s.store() == null ? 0.0 : s.store().preloaded()),
    new Metric("store_persisted_total", "Artifacts written to the store", true,
        s -> s.store() == null ? 0.0 : s.store().persisted()),
  };

  private JitMetrics() {}

  static void register(MetricsSystem metrics, Supplier<JitStats> stats, FrameCounters frames) {
    CachedStats cached = new CachedStats(stats);
    for (Metric m : FROM_STATS) {
      add(metrics, m.name(), m.help(), m.counter(), () -> m.value().apply(cached.get()));
    }
    add(metrics, "compiled_frames_total", "Besu frames run compiled", true, frames.compiledFrames::doubleValue);
    add(metrics, "interpreted_frames_total", "Besu frames run on Besu's interpreter", true,
        frames.interpretedFrames::doubleValue);
    add(metrics, "fallbacks_total", "Compiled frames that threw before changing anything and ran on Besu's interpreter",
        true, frames.fallbacks::doubleValue);
    add(metrics, "failures_total", "Compiled frames that threw after changing state (failed loudly)", true,
        frames.failures::doubleValue);
  }

  private static void add(MetricsSystem metrics, String name, String help, boolean counter, DoubleSupplier value) {
    if (counter) {
      metrics.createCounter(EvmJitMetricCategory.INSTANCE, name, help, value);
    } else {
      metrics.createGauge(EvmJitMetricCategory.INSTANCE, name, help, value);
    }
  }

  /** The runtime's snapshot, taken at most every 500 ms however many metrics read it. */
  private static final class CachedStats {
    private final Supplier<JitStats> source;
    private JitStats last;
    private long takenAt;

    CachedStats(Supplier<JitStats> source) {
      this.source = source;
    }

    synchronized JitStats get() {
      long now = System.nanoTime();
      if (last == null || now - takenAt > 500_000_000L) {
        last = source.get();
        takenAt = now;
      }
      return last;
    }
  }
}
