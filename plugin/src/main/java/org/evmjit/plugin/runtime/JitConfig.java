package org.evmjit.plugin.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * Every knob of the JIT runtime, with its default and why. Immutable; {@link #builder()} starts
 * from the defaults. {@link JitRuntime} can change {@code enabled}, {@code threshold} and
 * {@code budgetBytes} while it runs; the rest are fixed at start.
 *
 * @param enabled whether lookups may answer "compiled" and code is compiled at all. Default
 *     {@code true}. When false every lookup answers {@link InterpretReason#DISABLED} without
 *     touching anything: the kill switch if compiled code is ever suspect.
 * @param threshold calls counted before a code hash is sent to the compiler: call number
 *     {@code threshold + 1} triggers the compile, so {@code 0} compiles on first sight. Default
 *     {@value #DEFAULT_THRESHOLD}; see {@link #DEFAULT_THRESHOLD} for the measurement behind it.
 * @param gasPerCall interpreted gas that counts as one more call: a frame segment that spends
 *     {@code g} gas on the interpreter adds {@code g / gasPerCall} to its code's count, so code
 *     whose single call is heavy (a 12-million-gas hash loop) turns hot in a few calls instead
 *     of a thousand, while ordinary calls (tens of thousands of gas) count as one call. Default
 *     {@value #DEFAULT_GAS_PER_CALL}; 0 counts calls only.
 * @param workers compile threads. Default: half the cores, at least 1 and at most 4. Compiling
 *     is background work; the other cores belong to the threads that execute transactions and
 *     to the JVM's own JIT, which has to compile every class we generate again to machine code.
 * @param queueCapacity capacity of the event queue between lookups and the coordinator (rounded
 *     up to a power of two). Default 16,384 (about 400 KiB). Only lookups of code that is not
 *     compiled, compiling or remembered as failed post an event, so it fills only when thousands
 *     of distinct cold contracts run faster than the coordinator counts them (about 10 million
 *     events a second); a full queue drops the event (a lost count, counted in the statistics).
 * @param maxPendingJobs compile jobs that may wait for a worker. Default 128: with compiles of
 *     a few milliseconds that is well under a second of backlog; beyond it, hot code simply
 *     stays interpreted a little longer (counted as deferred) instead of piling up work.
 * @param compileTimeout how long the runtime waits for one compile before it gives up: the
 *     worker is interrupted, a late result is dropped and the code is remembered as failed.
 *     Default 10 s: real compiles take milliseconds; only a pathological input (or a compiler
 *     bug that loops) gets near it, and nobody waits for it meanwhile.
 * @param budgetBytes bytes of generated classes kept resident; past it, the least recently used
 *     compiled code is evicted. Default 64 MiB: about a thousand contracts at the 64 KiB of class a
 *     typical 8 KiB contract compiles to, more than the hot set of mainnet (a few hundred
 *     contracts take most calls). The JVM's cost is a small multiple of it (metaspace, machine
 *     code in the code cache).
 * @param idleEviction compiled code unused for this long is evicted even under budget
 *     ({@link Duration#ZERO}: never). Default 10 minutes, about 50 blocks: code idle that long is
 *     unlikely to turn hot again soon, and compiling it again costs milliseconds, while a
 *     resident class costs metaspace and code cache for as long as it stays.
 * @param maxColdEntries how many code hashes (per fork) have their calls counted before they
 *     are hot; the least recently seen is forgotten past it. Default 65,536 (about 6 MiB): far
 *     more distinct contracts than mainnet calls in the minutes it takes hot code to cross the
 *     threshold, and bounded whatever a chain throws at it.
 * @param maxFailureEntries how many failed or ineligible code hashes are remembered (oldest
 *     forgotten first; a forgotten one must turn hot again to be retried). Default 16,384.
 * @param failureBackoff wait before retrying code whose compile failed; doubled at each further
 *     failure up to {@code maxFailureBackoff}. Default 30 s: a transient failure (a time-out on
 *     a loaded machine) is retried soon, a deterministic one costs one compile per backoff.
 * @param maxFailureBackoff the most the backoff grows to. Default 1 hour.
 * @param housekeepingInterval how often the coordinator wakes without events: advances the
 *     clock that stamps uses (the resolution of LRU and idle eviction), checks compile
 *     time-outs, evicts idle code. Default 50 ms.
 * @param shutdownTimeout how long {@link JitRuntime#close()} waits for threads to stop.
 *     Default 5 s.
 */
public record JitConfig(
    boolean enabled,
    int threshold,
    long gasPerCall,
    int workers,
    int queueCapacity,
    int maxPendingJobs,
    Duration compileTimeout,
    long budgetBytes,
    Duration idleEviction,
    int maxColdEntries,
    int maxFailureEntries,
    Duration failureBackoff,
    Duration maxFailureBackoff,
    Duration housekeepingInterval,
    Duration shutdownTimeout) {

  /**
   * The default {@link #threshold}: 1000. Compiling pays when "compile cost + warm-up loss" is
   * below "calls x time saved per call". Measured here (see the module README): emitting,
   * defining and first running a hidden class of the size a contract compiles to costs 1.5 ms
   * (32 KiB of class) to 9 ms (108 KiB); until HotSpot compiles it (after about 200 calls for
   * C1), the generated code runs in HotSpot's bytecode interpreter, about 10 times slower than
   * evmjit's own interpreter (which is C2-compiled); a typical contract call is interpreted in 10
   * to 75 microseconds. So code pays its compile back after some hundreds to a few thousand
   * calls. Being late costs little (a thousand calls of 10 to 75 microseconds interpreted, once
   * per contract), compiling code that is never hot costs a compile and its memory: the default
   * sits at the high end. On the Cancun state tests, threshold 1000 compiles 199 of the ~10,300
   * distinct codes, which take 78.5% of all lookups; threshold 1 compiles 8,339 for 95.7%.
   */
  public static final int DEFAULT_THRESHOLD = 1_000;
  /**
   * The default {@link #gasPerCall}: 100,000. A typical contract call spends 20,000 to 80,000 gas,
   * so it still counts as one call; a call that runs for milliseconds on the interpreter (the
   * evm-benchmarks spend 2 to 200 million gas a call, 10 to 400 ms) counts as tens to thousands
   * of calls, which is what it is worth compiling for (the compile costs 1 to 20 ms).
   */
  public static final long DEFAULT_GAS_PER_CALL = 100_000;
  public static final int DEFAULT_QUEUE_CAPACITY = 16_384;
  public static final int DEFAULT_MAX_PENDING_JOBS = 128;
  public static final Duration DEFAULT_COMPILE_TIMEOUT = Duration.ofSeconds(10);
  public static final long DEFAULT_BUDGET_BYTES = 64L << 20;
  public static final Duration DEFAULT_IDLE_EVICTION = Duration.ofMinutes(10);
  public static final int DEFAULT_MAX_COLD_ENTRIES = 65_536;
  public static final int DEFAULT_MAX_FAILURE_ENTRIES = 16_384;
  public static final Duration DEFAULT_FAILURE_BACKOFF = Duration.ofSeconds(30);
  public static final Duration DEFAULT_MAX_FAILURE_BACKOFF = Duration.ofHours(1);
  public static final Duration DEFAULT_HOUSEKEEPING_INTERVAL = Duration.ofMillis(50);
  public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(5);

  /** Half the cores, at least 1, at most 4. */
  public static int defaultWorkers() {
    return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() / 2));
  }

  public JitConfig {
    require(threshold >= 0, "threshold must be >= 0, not " + threshold);
    require(gasPerCall >= 0, "gasPerCall must be >= 0, not " + gasPerCall);
    require(workers >= 1, "workers must be >= 1, not " + workers);
    require(queueCapacity >= 2 && queueCapacity <= 1 << 30, "queueCapacity must be in [2, 2^30], not " + queueCapacity);
    require(maxPendingJobs >= 1, "maxPendingJobs must be >= 1, not " + maxPendingJobs);
    require(budgetBytes >= 0, "budgetBytes must be >= 0, not " + budgetBytes);
    require(maxColdEntries >= 1, "maxColdEntries must be >= 1, not " + maxColdEntries);
    require(maxFailureEntries >= 1, "maxFailureEntries must be >= 1, not " + maxFailureEntries);
    positive(compileTimeout, "compileTimeout");
    notNegative(idleEviction, "idleEviction");
    notNegative(failureBackoff, "failureBackoff");
    notNegative(maxFailureBackoff, "maxFailureBackoff");
    positive(housekeepingInterval, "housekeepingInterval");
    notNegative(shutdownTimeout, "shutdownTimeout");
  }

  public static JitConfig defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this configuration. */
  public Builder toBuilder() {
    return new Builder()
        .enabled(enabled).threshold(threshold).gasPerCall(gasPerCall).workers(workers).queueCapacity(queueCapacity)
        .maxPendingJobs(maxPendingJobs).compileTimeout(compileTimeout).budgetBytes(budgetBytes)
        .idleEviction(idleEviction).maxColdEntries(maxColdEntries).maxFailureEntries(maxFailureEntries)
        .failureBackoff(failureBackoff).maxFailureBackoff(maxFailureBackoff)
        .housekeepingInterval(housekeepingInterval).shutdownTimeout(shutdownTimeout);
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  private static void positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    require(!d.isNegative() && !d.isZero(), name + " must be positive, not " + d);
  }

  private static void notNegative(Duration d, String name) {
    Objects.requireNonNull(d, name);
    require(!d.isNegative(), name + " must not be negative, not " + d);
  }

  /** Builds a {@link JitConfig}; every setter's default is the one documented on the record. */
  public static final class Builder {
    private boolean enabled = true;
    private int threshold = DEFAULT_THRESHOLD;
    private long gasPerCall = DEFAULT_GAS_PER_CALL;
    private int workers = defaultWorkers();
    private int queueCapacity = DEFAULT_QUEUE_CAPACITY;
    private int maxPendingJobs = DEFAULT_MAX_PENDING_JOBS;
    private Duration compileTimeout = DEFAULT_COMPILE_TIMEOUT;
    private long budgetBytes = DEFAULT_BUDGET_BYTES;
    private Duration idleEviction = DEFAULT_IDLE_EVICTION;
    private int maxColdEntries = DEFAULT_MAX_COLD_ENTRIES;
    private int maxFailureEntries = DEFAULT_MAX_FAILURE_ENTRIES;
    private Duration failureBackoff = DEFAULT_FAILURE_BACKOFF;
    private Duration maxFailureBackoff = DEFAULT_MAX_FAILURE_BACKOFF;
    private Duration housekeepingInterval = DEFAULT_HOUSEKEEPING_INTERVAL;
    private Duration shutdownTimeout = DEFAULT_SHUTDOWN_TIMEOUT;

    private Builder() {}

    public Builder enabled(boolean v) { enabled = v; return this; }
    public Builder threshold(int v) { threshold = v; return this; }
    public Builder gasPerCall(long v) { gasPerCall = v; return this; }
    public Builder workers(int v) { workers = v; return this; }
    public Builder queueCapacity(int v) { queueCapacity = v; return this; }
    public Builder maxPendingJobs(int v) { maxPendingJobs = v; return this; }
    public Builder compileTimeout(Duration v) { compileTimeout = v; return this; }
    public Builder budgetBytes(long v) { budgetBytes = v; return this; }
    public Builder idleEviction(Duration v) { idleEviction = v; return this; }
    public Builder maxColdEntries(int v) { maxColdEntries = v; return this; }
    public Builder maxFailureEntries(int v) { maxFailureEntries = v; return this; }
    public Builder failureBackoff(Duration v) { failureBackoff = v; return this; }
    public Builder maxFailureBackoff(Duration v) { maxFailureBackoff = v; return this; }
    public Builder housekeepingInterval(Duration v) { housekeepingInterval = v; return this; }
    public Builder shutdownTimeout(Duration v) { shutdownTimeout = v; return this; }

    public JitConfig build() {
      return new JitConfig(enabled, threshold, gasPerCall, workers, queueCapacity, maxPendingJobs, compileTimeout,
          budgetBytes, idleEviction, maxColdEntries, maxFailureEntries, failureBackoff,
          maxFailureBackoff, housekeepingInterval, shutdownTimeout);
    }
  }
}
