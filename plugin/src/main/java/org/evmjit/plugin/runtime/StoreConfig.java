package org.evmjit.plugin.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.evmjit.evm.fork.Fork;
import org.evmjit.store.ArtifactStore;

/**
 * An artifact store for a runtime ({@link JitRuntime#start(JitConfig, CompilerProvider, StoreConfig)}):
 * compiled classes are preloaded from it at start, every new compile is written to it behind the
 * callers' backs, and call counts are recorded in it. The runtime never closes the store: whoever
 * opened it closes it after the runtime.
 *
 * @param store the opened store; null when it could not be opened ({@code unavailable} says why)
 * @param directory the store's directory (for reports), also when unavailable
 * @param unavailable why there is no store (the runtime then runs in memory and says so in its
 *     statistics); null when {@code store} is given
 * @param preloadForks the forks whose artifacts are preloaded; empty for every fork
 * @param queueCapacity artifacts that may wait to be written. Default 4,096 (a few tens of MiB at
 *     most): compiles come at most a few hundred a second, so it fills only when the disk stalls;
 *     past it new artifacts are dropped (counted) and compiled again in a later run
 * @param batchSize most artifacts per write transaction. Default 64: one fsync for many records,
 *     while a batch stays well under a millisecond of work
 * @param flushInterval how long an artifact may wait for companions before it is written.
 *     Default 200 ms: little is lost in a crash, few transactions in a compile burst
 * @param maxFailures write failures in a row after which the runtime stops writing (a full disk or
 *     a broken store would otherwise fail forever). Default 3
 * @param hotnessInterval how often observed call counts are handed to the store. Default 10 s: a
 *     count is a hint for the next start, not worth a transaction per second
 * @param warnings where the few store warnings go (a failed write, writing stopped): one line each
 */
public record StoreConfig(
    ArtifactStore store,
    Path directory,
    String unavailable,
    List<Fork> preloadForks,
    int queueCapacity,
    int batchSize,
    Duration flushInterval,
    int maxFailures,
    Duration hotnessInterval,
    Consumer<String> warnings) {

  public static final int DEFAULT_QUEUE_CAPACITY = 4_096;
  public static final int DEFAULT_BATCH_SIZE = 64;
  public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofMillis(200);
  public static final int DEFAULT_MAX_FAILURES = 3;
  public static final Duration DEFAULT_HOTNESS_INTERVAL = Duration.ofSeconds(10);

  public StoreConfig {
    if ((store == null) == (unavailable == null)) {
      throw new IllegalArgumentException("either a store or the reason there is none");
    }
    Objects.requireNonNull(directory, "directory");
    preloadForks = List.copyOf(preloadForks);
    if (queueCapacity < 1 || batchSize < 1 || maxFailures < 1) {
      throw new IllegalArgumentException("queueCapacity, batchSize and maxFailures must be >= 1");
    }
    if (flushInterval.isNegative() || flushInterval.isZero() || hotnessInterval.isNegative() || hotnessInterval.isZero()) {
      throw new IllegalArgumentException("flushInterval and hotnessInterval must be positive");
    }
    Objects.requireNonNull(warnings, "warnings");
  }

  /** {@code store} with the defaults; warnings go to {@link System.Logger}. */
  public static StoreConfig of(ArtifactStore store) {
    return new StoreConfig(store, store.directory(), null, List.of(), DEFAULT_QUEUE_CAPACITY, DEFAULT_BATCH_SIZE,
        DEFAULT_FLUSH_INTERVAL, DEFAULT_MAX_FAILURES, DEFAULT_HOTNESS_INTERVAL, StoreConfig::log);
  }

  /** No store: {@code directory} could not be opened because of {@code reason}. */
  public static StoreConfig unavailable(Path directory, String reason) {
    return new StoreConfig(null, directory, reason, List.of(), DEFAULT_QUEUE_CAPACITY, DEFAULT_BATCH_SIZE,
        DEFAULT_FLUSH_INTERVAL, DEFAULT_MAX_FAILURES, DEFAULT_HOTNESS_INTERVAL, StoreConfig::log);
  }

  public StoreConfig withPreloadForks(List<Fork> forks) {
    return new StoreConfig(store, directory, unavailable, forks, queueCapacity, batchSize, flushInterval,
        maxFailures, hotnessInterval, warnings);
  }

  public StoreConfig withQueue(int capacity, int batch, Duration flush) {
    return new StoreConfig(store, directory, unavailable, preloadForks, capacity, batch, flush, maxFailures,
        hotnessInterval, warnings);
  }

  public StoreConfig withMaxFailures(int n) {
    return new StoreConfig(store, directory, unavailable, preloadForks, queueCapacity, batchSize, flushInterval, n,
        hotnessInterval, warnings);
  }

  public StoreConfig withHotnessInterval(Duration d) {
    return new StoreConfig(store, directory, unavailable, preloadForks, queueCapacity, batchSize, flushInterval,
        maxFailures, d, warnings);
  }

  public StoreConfig withWarnings(Consumer<String> sink) {
    return new StoreConfig(store, directory, unavailable, preloadForks, queueCapacity, batchSize, flushInterval,
        maxFailures, hotnessInterval, sink);
  }

  /** The forks to preload: {@link #preloadForks}, or all of them. */
  List<Fork> forksToPreload() {
    return preloadForks.isEmpty() ? List.of(Fork.values()) : preloadForks;
  }

  private static void log(String message) {
    System.getLogger(JitRuntime.class.getName()).log(System.Logger.Level.WARNING, message);
  }
}
