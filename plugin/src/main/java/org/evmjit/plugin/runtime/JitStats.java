package org.evmjit.plugin.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;
import java.util.Map;
import org.evmjit.store.RejectReason;

/**
 * A snapshot of the runtime's statistics ({@link JitRuntime#stats()}). Counters run since the
 * start or the last {@link JitRuntime#resetStats()}; gauges ({@link Resident}, pending and
 * running jobs, queue size) are the state at the time of the snapshot. {@link #toJson()} gives
 * the form {@code --stats FILE} writes.
 *
 * @param compiler the compiler's name
 * @param uptimeMillis since the runtime started
 * @param enabled {@link JitRuntime#setEnabled}; false after shutdown
 * @param threshold current threshold
 * @param budgetBytes current memory budget
 * @param store what the runtime did with its artifact store; null when it has none
 */
public record JitStats(
    String compiler,
    long uptimeMillis,
    boolean enabled,
    int threshold,
    long budgetBytes,
    Lookups lookups,
    Queue queue,
    Compilations compilations,
    Evictions evictions,
    Resident resident,
    Store store) {

  /**
   * @param total every lookup: {@code hits + misses}
   * @param hits lookups answered with compiled code
   * @param misses lookups answered "interpret"
   * @param interpreted the misses by reason (every reason present, zeros included)
   */
  public record Lookups(long total, long hits, long misses, Map<InterpretReason, Long> interpreted) {}

  /**
   * @param capacity slots of the event ring
   * @param size events waiting now
   * @param offered events lookups tried to post (only for code not yet known to the coordinator)
   * @param dropped events refused because the queue was full (a lost count, nothing else)
   * @param processed events the coordinator counted
   */
  public record Queue(int capacity, long size, long offered, long dropped, long processed) {}

  /**
   * @param dispatched jobs handed to workers (first attempts and retries)
   * @param succeeded programs installed
   * @param ineligible declined by the compiler
   * @param failed failed compiles: exceptions and {@code Failed} results, time-outs and
   *     programs larger than the budget included
   * @param timedOut jobs abandoned after the compile time limit
   * @param overBudget programs dropped because they could not fit the budget even alone
   * @param discarded results that arrived for a job abandoned by a reset, shutdown or time-out
   * @param deferred promotions postponed because {@code maxPendingJobs} jobs were waiting
   * @param pending jobs waiting for a worker now
   * @param running jobs being compiled now
   * @param timeMillis compile times (successful compiles, wall clock on the worker)
   */
  public record Compilations(
      long dispatched, long succeeded, long ineligible, long failed, long timedOut, long overBudget,
      long discarded, long deferred, int pending, int running, CompileTimes timeMillis) {}

  /** Compile time percentiles in milliseconds (bucketed: at most 12.5% above the true value). */
  public record CompileTimes(long count, double mean, double p50, double p90, double p99, double max) {}

  /**
   * @param lru compiled programs evicted to stay within the budget
   * @param idle compiled programs evicted after {@code idleEviction} without a call
   * @param reset compiled programs dropped by {@link JitRuntime#reset()} or shutdown
   * @param coldCounters call counters forgotten because {@code maxColdEntries} were tracked
   * @param failureMemory failed or ineligible code forgotten because {@code maxFailureEntries} were remembered
   */
  public record Evictions(long lru, long idle, long reset, long coldCounters, long failureMemory) {}

  /**
   * @param entries compiled programs resident
   * @param bytes their class bytes (never above the budget once an install completes)
   * @param pinnedEntries of which pinned
   * @param pinnedBytes bytes of the pinned ones
   * @param compiling entries with a job queued or running
   * @param failed code remembered as failed
   * @param ineligible code remembered as ineligible
   * @param coldCounters code hashes whose calls are being counted
   * @param pinnedHashes code hashes pinned (compiled or not)
   */
  public record Resident(
      int entries, long bytes, int pinnedEntries, long pinnedBytes, int compiling, int failed,
      int ineligible, int coldCounters, int pinnedHashes) {}

  /**
   * The artifact store: counters since the start (not reset by {@link JitRuntime#resetStats()}).
   *
   * @param directory the store's directory
   * @param fingerprint the compiler fingerprint artifacts are stored and looked up under
   * @param unavailable why the store could not be used (the runtime runs in memory); null when it is used
   * @param preloaded artifacts installed at start, hottest first, within the memory budget
   * @param preloadBytes their class bytes
   * @param preloadMillis time to read and install them (classes are defined after, in the background)
   * @param preloadDefined preloaded classes defined so far (until then their frames run on the interpreter)
   * @param loadedFromStore compiles answered from the store instead of compiling (code that turned
   *     hot but had not been preloaded)
   * @param rejected stored records refused, by reason (the store's checks, and {@code CLASS_DEFINE}
   *     when the JVM refused a class); each was taken out of the store
   * @param persisted artifacts written
   * @param persistBatches write transactions of artifacts
   * @param persistDropped artifacts not written: the write-behind queue was full, their write
   *     failed, writing had stopped, or the shutdown time limit passed
   * @param persistFailures store writes (artifacts or call counts) that threw
   * @param persistStopped why the runtime stopped writing (repeated failures); null while it writes
   * @param persistQueued artifacts waiting to be written now
   * @param hotnessRecorded call counts handed to the store (one per code hash and fork and flush)
   * @param readFailures store reads that threw (the code was compiled instead)
   */
  public record Store(
      String directory, String fingerprint, String unavailable, long preloaded, long preloadBytes,
      long preloadMillis, long preloadDefined, long loadedFromStore, Map<RejectReason, Long> rejected,
      long persisted, long persistBatches, long persistDropped, long persistFailures, String persistStopped,
      int persistQueued, long hotnessRecorded, long readFailures) {

    /** Rejections of every reason. */
    public long rejectedTotal() {
      return rejected.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** This snapshot with another store part (the store's counters after a shutdown wrote the last artifacts). */
  public JitStats withStore(Store s) {
    return new JitStats(compiler, uptimeMillis, enabled, threshold, budgetBytes, lookups, queue, compilations,
        evictions, resident, s);
  }

  /** Pretty-printed JSON, field names as the record components. */
  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
