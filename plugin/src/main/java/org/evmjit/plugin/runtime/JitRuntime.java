package org.evmjit.plugin.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.evmjit.evm.exec.EngineSelector;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.frame.Code;

/**
 * The JIT runtime: decides, for every frame, whether compiled code runs it, and compiles hot code
 * in the background.
 *
 * <ul>
 *   <li><b>Lookup</b> ({@link #lookup}): probes the resident map for (code hash, fork) and, for
 *       code not known yet, offers an event to a bounded queue. It never blocks, never waits for
 *       a compile, and never allocates (decisions are preallocated, the map is probed with the
 *       hash's four longs, a full queue drops the event and counts it).
 *   <li><b>Coordinator</b>: one thread counts events per (code hash, fork) and sends code to the
 *       compiler on call number {@code threshold + 1}; it also enforces time limits, idle
 *       eviction and backoff.
 *   <li><b>Workers</b>: {@link JitConfig#workers()} threads run the {@link ProgramCompiler}; a
 *       result is installed at once, then least recently used code is evicted down to the budget.
 *   <li><b>Control</b>: pin, unpin, reset, clear cold counters, change threshold and budget,
 *       enable and disable, shut down. <b>Statistics</b>: {@link #stats()}.
 *   <li><b>Artifact store</b> (optional, {@link #start(JitConfig, CompilerProvider, StoreConfig)}):
 *       stored classes are preloaded at start (resident at once, defined in the background),
 *       every compile is written behind the callers' backs, hot code the store has is taken from
 *       it instead of compiled, observed calls become its hotness; a store that fails never
 *       reaches a caller. {@link #preload} installs already-compiled programs of any origin.
 * </ul>
 *
 * <p>Thread-safe. {@link #selector()} plugs it into {@code TransactionProcessor}.
 */
public final class JitRuntime implements AutoCloseable {
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final Decision DISABLED = Decision.Interpret.of(InterpretReason.DISABLED);
  private static final AtomicInteger INSTANCES = new AtomicInteger();

  private final JitConfig config;
  private final String compilerName;
  private final Counters counters = new Counters();
  private final Coordinator coordinator;
  private final ResidentTable table;
  private final EventQueue events;
  private final long startNanos = System.nanoTime();
  private final RuntimeEngineSelector selector = new RuntimeEngineSelector(this);
  /** The artifact store's tie, or null when the runtime has no store. */
  private final StoreLink store;

  private JitRuntime(JitConfig config, ProgramCompiler compiler, String compilerName, LongSupplier clock,
      StoreLink store, String name) {
    this.config = Objects.requireNonNull(config, "config");
    this.compilerName = compilerName;
    this.store = store;
    ProgramCompiler c = Objects.requireNonNull(compiler, "compiler");
    this.coordinator = new Coordinator(config, store == null ? c : store.wrap(c), counters, clock, name);
    this.table = coordinator.table;
    this.events = coordinator.events;
  }

  /** Starts a runtime (its coordinator and worker threads, all daemons) with {@code compiler}. */
  public static JitRuntime start(JitConfig config, ProgramCompiler compiler) {
    return start(config, compiler, compiler.getClass().getSimpleName());
  }

  /** As {@link #start(JitConfig, ProgramCompiler)}, naming the compiler in statistics. */
  public static JitRuntime start(JitConfig config, ProgramCompiler compiler, String compilerName) {
    return start(config, compiler, compilerName, System::nanoTime);
  }

  /** With a clock of nanoseconds (tests drive time by hand with it). */
  static JitRuntime start(JitConfig config, ProgramCompiler compiler, String compilerName, LongSupplier clock) {
    return start(config, compiler, compilerName, clock, null, null);
  }

  /** Starts a runtime with the compiler a {@link CompilerProvider} makes. */
  public static JitRuntime start(JitConfig config, CompilerProvider provider) {
    return start(config, provider.create(), provider.name());
  }

  /**
   * Starts a runtime with an artifact store: before this returns, the stored artifacts of the
   * compiler's fingerprint for {@link StoreConfig#preloadForks} are installed, hottest first,
   * within the memory budget (resident at once; their classes are defined in the background, see
   * {@link JitStats.Store#preloadDefined}); from then on every compile is written to the store
   * behind the callers' backs, code that turns hot is taken from the store when it is there
   * instead of being compiled, and observed calls are recorded as hotness. When the store is
   * unavailable ({@link StoreConfig#unavailable}) or the compiler makes no class files, the
   * runtime works in memory and {@link JitStats#store()} says why. Closing the runtime writes what
   * is queued; the caller closes the store after it.
   */
  public static JitRuntime start(JitConfig config, CompilerProvider provider, StoreConfig store) {
    return start(config, provider.create(), provider.name(), System::nanoTime, store,
        provider.artifactFormat().orElse(null));
  }

  /** With a store (null: none) and the compiler's artifact format (null: it makes no class files). */
  static JitRuntime start(JitConfig config, ProgramCompiler compiler, String compilerName, LongSupplier clock,
      StoreConfig store, ArtifactFormat format) {
    String name = "evmjit-jit-" + INSTANCES.incrementAndGet();
    StoreLink link = store == null ? null : StoreLink.create(store, format, compilerName, name);
    JitRuntime rt = new JitRuntime(config, compiler, compilerName, clock, link, name);
    if (link != null) {
      link.start(rt, rt.coordinator, config.workers(), name);
    }
    rt.coordinator.start();
    return rt;
  }

  /**
   * Installs programs compiled before the runtime saw their code (by an earlier run, ahead of
   * time), in the order given (hottest first), as if they had just been compiled: each is a hit
   * from the next lookup on and counts against the memory budget. Code the runtime already knows
   * is skipped; installing stops at the first program that does not fit in the budget left
   * (nothing resident is evicted for it). Meant for before the first lookup, safe at any time.
   *
   * @return how many were installed
   */
  public int preload(List<PreloadedProgram> programs) {
    return coordinator.preload(programs);
  }

  // ---- lookup ----

  /** {@link #lookup(byte[], Fork, Code)} with the code's own (cached) hash. */
  public Decision lookup(Code code, Fork fork) {
    return lookup(code.hash(), fork, code);
  }

  /**
   * What runs {@code code} under {@code fork} now: {@link Decision.Compiled} or
   * {@link Decision.Interpret} with its reason. Never blocks, never allocates.
   *
   * @param codeHash the Keccak-256 of the code (32 bytes); not kept
   * @param code the code, handed to the compiler if this lookup makes it hot
   */
  public Decision lookup(byte[] codeHash, Fork fork, Code code) {
    if (!coordinator.enabled) {
      counters.lookup.increment(LookupCounters.REASONS + InterpretReason.DISABLED.ordinal());
      return DISABLED;
    }
    if (codeHash.length != 32) {
      throw new IllegalArgumentException("a code hash has 32 bytes, not " + codeHash.length);
    }
    long h0 = (long) LONGS.get(codeHash, 0);
    long h1 = (long) LONGS.get(codeHash, 8);
    long h2 = (long) LONGS.get(codeHash, 16);
    long h3 = (long) LONGS.get(codeHash, 24);
    Entry e = table.find(h0, h1, h2, h3, fork);
    if (e == null) {
      offer(h0, h1, h2, h3, fork, code);
      counters.lookup.increment(LookupCounters.REASONS + InterpretReason.NOT_YET_HOT.ordinal());
      return Entry.NOT_YET_HOT;
    }
    Decision d = e.decision;
    // Identity checks against the four shared Interpret objects (always in cache) instead of
    // instanceof, which would load the Compiled object's header: one cache miss less per hit.
    if (d != Entry.COMPILING && d != Entry.FAILED && d != Entry.INELIGIBLE && d != Entry.NOT_YET_HOT) {
      e.touch(coordinator.now); // writes only when the millisecond clock moved: no ping-pong on hot entries
      counters.lookup.increment(LookupCounters.HITS);
      return d;
    }
    InterpretReason reason = ((Decision.Interpret) d).reason();
    if (reason == InterpretReason.FAILED && coordinator.now - e.retryAt >= 0) {
      offer(h0, h1, h2, h3, fork, code); // backoff over: the coordinator retries
    }
    counters.lookup.increment(LookupCounters.REASONS + reason.ordinal());
    return d;
  }

  /**
   * Reports that a frame segment of {@code code} spent {@code gasSpent} gas on the interpreter:
   * past {@link JitConfig#gasPerCall()} gas it counts as that many more calls toward the
   * threshold, so a contract whose few calls do much work is compiled without waiting for a
   * thousand of them. Code that is resident (compiled, compiling, remembered as failed) or
   * runs while the runtime is disabled posts nothing. Never blocks.
   */
  public void reportInterpreted(Code code, Fork fork, long gasSpent) {
    long perCall = config.gasPerCall();
    if (perCall == 0 || gasSpent < perCall || !coordinator.enabled) {
      return;
    }
    Coordinator.HashKey k = key(code.hash()); // off the hit path: only frames that spent gasPerCall
    if (table.find(k.h0(), k.h1(), k.h2(), k.h3(), fork) == null) {
      offer(k.h0(), k.h1(), k.h2(), k.h3(), fork, code, (int) Math.min(Integer.MAX_VALUE, gasSpent / perCall));
    }
  }

  private void offer(long h0, long h1, long h2, long h3, Fork fork, Code code) {
    offer(h0, h1, h2, h3, fork, code, 1);
  }

  private void offer(long h0, long h1, long h2, long h3, Fork fork, Code code, int calls) {
    counters.lookup.increment(LookupCounters.OFFERED);
    if (events.offer(h0, h1, h2, h3, fork.ordinal(), code, calls)) {
      coordinator.wakeIfSleeping();
    } else {
      counters.lookup.increment(LookupCounters.DROPPED);
    }
  }

  /** An {@link EngineSelector} for {@code TransactionProcessor}: compiled code when resident, else the interpreter. */
  public EngineSelector selector() {
    return selector;
  }

  // ---- control ----

  /** Pins {@code codeHash} (under every fork): never evicted, and compiled on its next call, threshold or not. */
  public void pin(byte[] codeHash) {
    coordinator.pin(key(codeHash));
  }

  /** Undoes {@link #pin}; the code becomes evictable (and is evicted at once if the budget requires). */
  public void unpin(byte[] codeHash) {
    coordinator.unpin(key(codeHash));
  }

  public boolean isPinned(byte[] codeHash) {
    return coordinator.isPinned(key(codeHash));
  }

  /**
   * Forgets everything: compiled code, jobs (a running compile finishes, its result is dropped),
   * call counts, failure memory, pins. Statistics counters stay ({@link #resetStats()}).
   */
  public void reset() {
    coordinator.reset();
  }

  /** Forgets the call counts of code that is not hot yet; compiled code and failure memory stay. Returns how many. */
  public int clearCold() {
    return coordinator.clearCold();
  }

  /** Takes effect for the next call counted; 0 compiles on first sight. */
  public void setThreshold(int threshold) {
    if (threshold < 0) {
      throw new IllegalArgumentException("threshold must be >= 0, not " + threshold);
    }
    coordinator.threshold = threshold;
  }

  public int threshold() {
    return coordinator.threshold;
  }

  /** Changes the memory budget; lowering it evicts least recently used code at once. */
  public void setBudgetBytes(long bytes) {
    coordinator.setBudget(bytes);
  }

  public long budgetBytes() {
    return coordinator.budget;
  }

  /**
   * Disabled, every lookup answers {@link InterpretReason#DISABLED} and nothing is counted or
   * compiled; compiled code stays resident for when it is enabled again. No effect after shutdown.
   */
  public void setEnabled(boolean enabled) {
    if (!coordinator.shutDown) {
      coordinator.enabled = enabled;
    }
  }

  public boolean isEnabled() {
    return coordinator.enabled;
  }

  /**
   * Stops the runtime: lookups answer {@link InterpretReason#DISABLED} from now on, pending jobs
   * are dropped, running compiles are interrupted and their results discarded, compiled code is
   * released; with a store, what is queued for it is written until the time limit. Returns true
   * when every thread had stopped within {@code timeout} (then nothing of the runtime touches the
   * store any more); false when a compiler ignored the interrupt (its daemon thread ends when the
   * compile returns) or the store's writes did not finish in time.
   */
  public boolean shutdown(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      boolean stopped = coordinator.shutdown(deadline);
      return (store == null || store.close(deadline)) && stopped;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** {@link #shutdown} with {@link JitConfig#shutdownTimeout()}. */
  @Override
  public void close() {
    shutdown(config.shutdownTimeout());
  }

  /**
   * Waits until every event posted so far has been counted, no compile job is outstanding and
   * every preloaded class is defined, or until {@code timeout}; true if that happened. For tests and tools (the bench), never for
   * callers that execute code.
   */
  public boolean awaitQuiescence(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (coordinator.quiescent() && (store == null || store.definitionsPending() == 0)) {
        return true;
      }
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }

  // ---- statistics ----

  public JitStats stats() {
    JitStats.Resident resident = coordinator.resident();
    long[] c = counters.lookup.snapshot();
    return new JitStats(compilerName, (System.nanoTime() - startNanos) / 1_000_000, coordinator.enabled,
        coordinator.threshold, coordinator.budget, counters.lookups(c),
        new JitStats.Queue(events.capacity(), events.size(), c[LookupCounters.OFFERED],
            c[LookupCounters.DROPPED], counters.processed.sum()),
        new JitStats.Compilations(counters.dispatched.sum(), counters.succeeded.sum(),
            counters.ineligible.sum(), counters.failed.sum(), counters.timedOut.sum(),
            counters.overBudget.sum(), counters.discarded.sum(), counters.deferred.sum(),
            coordinator.pendingJobs(), coordinator.runningJobs(), counters.compileTimes.snapshot()),
        counters.evictions(), resident, store == null ? null : store.stats());
  }

  /** Zeroes the counters (lookups, queue, compilations, evictions); gauges are state and stay. */
  public void resetStats() {
    counters.reset();
  }

  public JitConfig config() {
    return config;
  }

  /**
   * What the runtime knows of {@code codeHash} under {@code fork}, in words: {@code UNKNOWN},
   * {@code COLD n} (n calls counted), {@code COMPILING}, {@code COMPILED}, {@code FAILED (why)},
   * {@code INELIGIBLE (why)}. For tools and tests; takes the coordinator's lock.
   */
  public String describe(byte[] codeHash, Fork fork) {
    Coordinator.HashKey k = key(codeHash);
    return coordinator.describe(k.h0(), k.h1(), k.h2(), k.h3(), fork);
  }

  /** The current decision for {@code codeHash} under {@code fork}, without counting it or posting an event. */
  public Decision peek(byte[] codeHash, Fork fork) {
    if (!coordinator.enabled) {
      return DISABLED;
    }
    Coordinator.HashKey k = key(codeHash);
    Entry e = table.find(k.h0(), k.h1(), k.h2(), k.h3(), fork);
    return e == null ? Entry.NOT_YET_HOT : e.decision;
  }

  // ---- for tests in this package ----

  Coordinator coordinator() {
    return coordinator;
  }

  int workerThreads() {
    return coordinator.workerThreads();
  }

  private static Coordinator.HashKey key(byte[] codeHash) {
    return Coordinator.HashKey.of(codeHash);
  }

  @Override
  public String toString() {
    return "JitRuntime[" + compilerName + ", threshold " + coordinator.threshold + ", budget "
        + coordinator.budget + " bytes" + (coordinator.enabled ? "" : ", disabled") + "]";
  }
}
