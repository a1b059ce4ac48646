package org.evmjit.plugin.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.evmjit.evm.exec.ExecutionEngine;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.frame.Code;

/**
 * The runtime's single writer of state: it drains the event queue and counts calls per code
 * hash and fork, promotes hot code to a compile job, installs results, keeps the resident
 * classes within the budget (LRU) and evicts idle ones, remembers failures with backoff, and
 * runs the control operations. All of that happens under one lock, held briefly by the
 * coordinator thread, by workers installing a result and by control calls; lookups never take
 * it.
 *
 * <p>LRU is "second chance" over the insertion-ordered list of compiled, unpinned entries: a hit
 * only stamps the entry with the coarse clock (no list surgery on the hot path); eviction walks
 * from the oldest end, moves an entry used since it was placed to the young end, and evicts the
 * first one that was not.
 */
final class Coordinator implements EventQueue.Sink {
  private static final Fork[] FORKS = Fork.values();
  private static final long CLOCK_STEP_NANOS = 1_000_000;

  /** A code hash under a fork, for the cold counters (allocated on the coordinator thread only). */
  private record ColdKey(long h0, long h1, long h2, long h3, Fork fork) {}

  /** A code hash (any fork), for pins. */
  record HashKey(long h0, long h1, long h2, long h3) {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** The four longs lookups read from a 32-byte hash. */
    static HashKey of(byte[] codeHash) {
      if (codeHash.length != 32) {
        throw new IllegalArgumentException("a code hash has 32 bytes, not " + codeHash.length);
      }
      return new HashKey((long) LONGS.get(codeHash, 0), (long) LONGS.get(codeHash, 8),
          (long) LONGS.get(codeHash, 16), (long) LONGS.get(codeHash, 24));
    }
  }

  final ReentrantLock lock = new ReentrantLock();
  final ResidentTable table = new ResidentTable();
  final EventQueue events;
  final Counters counters;
  private final LongSupplier clock;
  private final WorkerPool workers;
  private final Thread thread;

  // ---- read without the lock ----
  /** The coarse clock lookups stamp hits with (nanos of {@link #clock}), refreshed by the coordinator. */
  volatile long now;
  volatile boolean enabled;
  volatile int threshold;
  volatile long budget;
  volatile boolean shutDown;
  private volatile boolean stopping;
  /**
   * Slot {@link #SLEEPING} is 1 while the coordinator thread is parked with nothing to do; the
   * next producer wakes it. It sits in the middle of its own array, so its writes (twice per
   * idle wake-up) do not invalidate the cache line of {@link #now} and {@link #enabled}, which
   * every lookup reads.
   */
  private final int[] sleepCell = new int[32];
  private static final int SLEEPING = 16;
  private static final VarHandle INTS = MethodHandles.arrayElementVarHandle(int[].class);

  private final long idleNanos;
  private final long backoffNanos;
  private final long maxBackoffNanos;
  private final long tickNanos;
  private final long timeoutNanos;
  private final int maxFailures;
  private final int maxPending;

  // ---- guarded by lock ----
  private final LinkedHashMap<ColdKey, int[]> cold;
  private final Set<HashKey> pinned = new HashSet<>();
  private final LinkedHashSet<Entry> failureMemory = new LinkedHashSet<>();
  private Entry lruHead;
  private Entry lruTail;
  private long residentBytes;
  private int residentEntries;
  private int pinnedEntries;
  private long pinnedBytes;
  private int compiling;
  private int failedEntries;
  private int ineligibleEntries;
  private long nextTick;
  /** Where observed calls go (an artifact store's hotness); null: not recorded. */
  private HotnessSink hotness;
  private long hotnessNanos;
  private long nextHotnessFlush;
  /** Calls of entries that left the table since the last flush. */
  private final List<HotnessSink.Calls> departed = new ArrayList<>();

  Coordinator(JitConfig config, ProgramCompiler compiler, Counters counters, LongSupplier clock, String name) {
    this.counters = counters;
    this.clock = clock;
    this.events = new EventQueue(config.queueCapacity());
    this.enabled = config.enabled();
    this.threshold = config.threshold();
    this.budget = config.budgetBytes();
    this.idleNanos = config.idleEviction().toNanos();
    this.backoffNanos = config.failureBackoff().toNanos();
    this.maxBackoffNanos = Math.max(backoffNanos, config.maxFailureBackoff().toNanos());
    this.tickNanos = config.housekeepingInterval().toNanos();
    this.timeoutNanos = config.compileTimeout().toNanos();
    this.maxFailures = config.maxFailureEntries();
    this.maxPending = config.maxPendingJobs();
    int maxCold = config.maxColdEntries();
    this.cold = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<ColdKey, int[]> eldest) {
        if (size() > maxCold) {
          counters.evictedCold.increment();
          return true;
        }
        return false;
      }
    };
    this.now = clock.getAsLong();
    this.nextTick = now + tickNanos;
    this.workers = new WorkerPool(this, compiler, config.workers(), name + "-compiler-");
    this.thread = new Thread(this::loop, name + "-coordinator");
    this.thread.setDaemon(true);
  }

  void start() {
    workers.start();
    thread.start();
  }

  long clockNanos() {
    return clock.getAsLong();
  }

  // ---- the coordinator thread ----

  private void loop() {
    while (!stopping) {
      int n;
      lock.lock();
      try {
        refreshClock();
        n = events.poll(this, 1024);
        if (now - nextTick >= 0) {
          housekeeping();
          nextTick = now + tickNanos;
        }
      } finally {
        lock.unlock();
      }
      if (n == 0 && !stopping) {
        INTS.setVolatile(sleepCell, SLEEPING, 1);
        if (events.size() == 0) { // re-check after announcing: a producer either sees the flag or we see its event
          LockSupport.parkNanos(this, tickNanos);
        }
        INTS.setVolatile(sleepCell, SLEEPING, 0);
      }
    }
  }

  /** Called by a producer after a successful offer. */
  void wakeIfSleeping() {
    if ((int) INTS.getVolatile(sleepCell, SLEEPING) == 1) {
      INTS.setVolatile(sleepCell, SLEEPING, 0);
      LockSupport.unpark(thread);
    }
  }

  /**
   * Advances {@link #now} in steps of at least a millisecond: lookups read it on every hit and
   * write it into the entry when it differs, so a clock that changed on every coordinator loop
   * would cost a cache-line transfer per lookup.
   */
  private void refreshClock() {
    long t = clock.getAsLong();
    if (t - now >= CLOCK_STEP_NANOS) {
      now = t;
    }
  }

  /**
   * One event: a lookup of code that was not compiled, compiling or known bad (or whose backoff
   * ran out), worth one call, or gas spent interpreting cold code, worth {@code calls}. Holds lock.
   */
  @Override
  public void accept(long h0, long h1, long h2, long h3, int forkOrdinal, Code code, int calls) {
    counters.processed.increment();
    Fork fork = FORKS[forkOrdinal];
    Entry e = table.find(h0, h1, h2, h3, fork);
    if (!enabled || shutDown) {
      return;
    }
    if (e != null) {
      if (e.state == Entry.State.FAILED && now - e.retryAt >= 0) {
        if (workers.pending() >= maxPending) {
          counters.deferred.increment();
        } else {
          dispatch(e, code);
        }
      }
      return;
    }
    ColdKey key = new ColdKey(h0, h1, h2, h3, fork);
    int[] count = cold.get(key);
    if (count == null) {
      count = new int[1];
      cold.put(key, count);
    }
    count[0] = (int) Math.min(Integer.MAX_VALUE, (long) count[0] + calls);
    if (count[0] > threshold || pinned.contains(new HashKey(h0, h1, h2, h3))) {
      if (workers.pending() >= maxPending) {
        counters.deferred.increment();
        return;
      }
      cold.remove(key);
      Entry n = new Entry(h0, h1, h2, h3, fork);
      n.pendingCalls = count[0];
      table.add(n);
      dispatch(n, code);
    }
  }

  private void dispatch(Entry e, Code code) {
    if (e.state == Entry.State.FAILED) {
      failureMemory.remove(e);
      failedEntries--;
    }
    e.state = Entry.State.COMPILING;
    e.retryAt = Long.MAX_VALUE;
    e.decision = Entry.COMPILING;
    Job job = new Job(e, code, now);
    e.job = job;
    compiling++;
    counters.dispatched.increment();
    workers.submit(job);
  }

  // ---- results, from the workers ----

  /** A worker finished {@code job} (result null: the job was dropped before it ran). */
  void complete(Job job, Compilation result, long elapsedNanos) {
    lock.lock();
    try {
      Entry e = job.entry;
      if (job.abandoned || e.job != job || shutDown) {
        if (result != null) {
          counters.discarded.increment();
        }
        return;
      }
      e.job = null;
      compiling--;
      refreshClock();
      switch (result) {
        case Compilation.Compiled c -> {
          long room = budget - pinnedBytes;
          if (c.classBytes() > room) {
            counters.overBudget.increment();
            fail(e, "class of " + c.classBytes() + " bytes does not fit the budget (" + room + " bytes free of pinned code)");
          } else {
            counters.succeeded.increment();
            counters.compileTimes.record(elapsedNanos);
            install(e, c);
          }
        }
        case Compilation.Ineligible i -> {
          counters.ineligible.increment();
          e.state = Entry.State.INELIGIBLE;
          e.lastError = i.reason();
          e.decision = Entry.INELIGIBLE;
          ineligibleEntries++;
          remember(e);
        }
        case Compilation.Failed f -> fail(e, f.reason());
      }
    } finally {
      lock.unlock();
    }
  }

  private void install(Entry e, Compilation.Compiled c) {
    e.state = Entry.State.COMPILED;
    e.classBytes = c.classBytes();
    e.touch(now);
    e.sampledUse = e.lastUsed(); // installing is not a use
    e.pinned = pinned.contains(hashKey(e));
    residentEntries++;
    residentBytes += e.classBytes;
    if (e.pinned) {
      pinnedEntries++;
      pinnedBytes += e.classBytes;
    } else {
      lruAppend(e, now);
    }
    evictOverBudget(e);
    e.decision = new Decision.Compiled(c.engine(), c.classBytes()); // published once the others are out
  }

  private void fail(Entry e, String reason) {
    counters.failed.increment();
    e.failures++;
    e.state = Entry.State.FAILED;
    e.lastError = reason;
    int shift = Math.min(e.failures - 1, 62);
    long backoff = backoffNanos == 0 ? 0
        : (backoffNanos > (maxBackoffNanos >> shift) ? maxBackoffNanos : backoffNanos << shift);
    e.retryAt = now + backoff;
    e.decision = Entry.FAILED;
    failedEntries++;
    remember(e);
  }

  /** Failure memory: keeps at most {@code maxFailures} failed or ineligible entries, forgetting the oldest. */
  private void remember(Entry e) {
    failureMemory.add(e);
    if (failureMemory.size() > maxFailures) {
      Iterator<Entry> it = failureMemory.iterator();
      Entry oldest = it.next();
      it.remove();
      forget(oldest);
      counters.evictedFailureMemory.increment();
    }
  }

  private void forget(Entry e) {
    depart(e);
    table.remove(e);
    if (e.state == Entry.State.FAILED) {
      failedEntries--;
    } else if (e.state == Entry.State.INELIGIBLE) {
      ineligibleEntries--;
    }
    e.decision = Entry.NOT_YET_HOT;
  }

  // ---- preloaded programs ----

  /**
   * Installs programs compiled elsewhere, in order, as if just compiled: skips code already known
   * (compiled, compiling or remembered), stops at the first that does not fit in the budget left
   * (nothing is evicted for a preload). Returns how many were installed (none after shutdown).
   */
  int preload(List<PreloadedProgram> programs) {
    lock.lock();
    try {
      if (shutDown) {
        return 0;
      }
      refreshClock();
      int installed = 0;
      for (PreloadedProgram p : programs) {
        HashKey k = HashKey.of(p.codeHash());
        if (table.find(k.h0(), k.h1(), k.h2(), k.h3(), p.fork()) != null) {
          continue;
        }
        if (p.program().classBytes() > budget - residentBytes) {
          break;
        }
        Entry e = new Entry(k.h0(), k.h1(), k.h2(), k.h3(), p.fork());
        table.add(e);
        install(e, p.program());
        installed++;
      }
      return installed;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Takes out the program of {@code key} under {@code fork} if it is still {@code engine} (a
   * preloaded class the JVM refused): the code is cold again, compiled afresh when it turns hot.
   */
  boolean discard(HashKey key, Fork fork, ExecutionEngine engine) {
    lock.lock();
    try {
      Entry e = table.find(key.h0(), key.h1(), key.h2(), key.h3(), fork);
      if (e != null && e.state == Entry.State.COMPILED && e.decision instanceof Decision.Compiled c
          && c.engine() == engine) {
        evict(e);
        return true;
      }
      return false;
    } finally {
      lock.unlock();
    }
  }

  // ---- hotness ----

  /**
   * Records observed calls into {@code sink} from now on, every {@code interval}. Set before the
   * coordinator starts.
   *
   * <p>What is counted, without touching the lookup path: the calls counted until the code turned
   * hot (exact), then one call for every housekeeping tick in which the entry's last-used stamp
   * moved (lookups already write it, at most once a millisecond). So a count is a lower bound of
   * the calls, exact for cold code and about "ticks in use" for hot code: enough to order code by
   * hotness for the next start, at the cost of one pass over the table per tick and no extra
   * write on any hit.
   */
  void hotness(HotnessSink sink, Duration interval) {
    lock.lock();
    try {
      hotness = sink;
      hotnessNanos = interval.toNanos();
      nextHotnessFlush = now + hotnessNanos;
    } finally {
      lock.unlock();
    }
  }

  private void sampleUses() { // holds lock
    table.forEach(e -> {
      if (e.state == Entry.State.COMPILED) {
        long used = e.lastUsed();
        if (used != e.sampledUse) {
          e.sampledUse = used;
          e.pendingCalls++;
        }
      }
    });
  }

  /** Hands the calls observed since the last flush to the sink. Holds lock. */
  private void flushHotness() {
    List<HotnessSink.Calls> batch = new ArrayList<>(departed);
    departed.clear();
    table.forEach(e -> {
      if (e.pendingCalls > 0) {
        batch.add(new HotnessSink.Calls(e.hash(), e.fork, e.pendingCalls));
        e.pendingCalls = 0;
      }
    });
    if (!batch.isEmpty()) {
      hotness.record(batch);
    }
  }

  /** Keeps the unflushed calls of an entry leaving the table. Holds lock. */
  private void depart(Entry e) {
    if (hotness != null && e.pendingCalls > 0) {
      departed.add(new HotnessSink.Calls(e.hash(), e.fork, e.pendingCalls));
      e.pendingCalls = 0;
    }
  }

  // ---- budget and eviction ----

  /** Evicts least recently used unpinned code (never {@code keep}) until within the budget. */
  private void evictOverBudget(Entry keep) {
    int secondChances = 2 * residentEntries + 2; // hits during the walk cannot make it loop forever
    Entry x = lruHead;
    while (residentBytes > budget && x != null) {
      Entry next = x.next;
      if (x != keep) {
        long used = x.lastUsed();
        if (used - x.lruStamp > 0 && secondChances-- > 0) {
          lruRemove(x);
          lruAppend(x, used);
          if (next == null) {
            next = x;
          }
        } else {
          evict(x);
          counters.evictedLru.increment();
        }
      }
      x = next;
    }
  }

  private void evict(Entry e) {
    depart(e);
    lruRemove(e);
    table.remove(e);
    residentEntries--;
    residentBytes -= e.classBytes;
    if (e.pinned) {
      pinnedEntries--;
      pinnedBytes -= e.classBytes;
    }
    e.state = null;
    e.decision = Entry.NOT_YET_HOT;
  }

  private void housekeeping() {
    counters.lookup.sweep();
    if (hotness != null) {
      sampleUses();
      if (now - nextHotnessFlush >= 0) {
        flushHotness();
        nextHotnessFlush = now + hotnessNanos;
      }
    }
    for (Job j : workers.runningJobs()) {
      long started = j.startedAt;
      if (started != 0 && now - started > timeoutNanos && j.entry.job == j) {
        j.abandoned = true;
        j.entry.job = null;
        compiling--;
        counters.timedOut.increment();
        fail(j.entry, "compile took longer than " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms");
        workers.abandon(j);
      }
    }
    if (idleNanos > 0) {
      for (Entry x = lruHead; x != null; ) {
        Entry next = x.next;
        if (now - x.lastUsed() >= idleNanos) {
          evict(x);
          counters.evictedIdle.increment();
        }
        x = next;
      }
    }
  }

  private void lruAppend(Entry e, long stamp) {
    e.lruStamp = stamp;
    e.prev = lruTail;
    e.next = null;
    if (lruTail == null) {
      lruHead = e;
    } else {
      lruTail.next = e;
    }
    lruTail = e;
    e.inLru = true;
  }

  private void lruRemove(Entry e) {
    if (!e.inLru) {
      return;
    }
    if (e.prev == null) {
      lruHead = e.next;
    } else {
      e.prev.next = e.next;
    }
    if (e.next == null) {
      lruTail = e.prev;
    } else {
      e.next.prev = e.prev;
    }
    e.prev = null;
    e.next = null;
    e.inLru = false;
  }

  private static HashKey hashKey(Entry e) {
    return new HashKey(e.h0, e.h1, e.h2, e.h3);
  }

  // ---- control ----

  void pin(HashKey key) {
    lock.lock();
    try {
      if (!pinned.add(key)) {
        return;
      }
      for (Fork f : FORKS) {
        Entry e = table.find(key.h0(), key.h1(), key.h2(), key.h3(), f);
        if (e != null && e.state == Entry.State.COMPILED && !e.pinned) {
          e.pinned = true;
          lruRemove(e);
          pinnedEntries++;
          pinnedBytes += e.classBytes;
        }
      }
    } finally {
      lock.unlock();
    }
  }

  void unpin(HashKey key) {
    lock.lock();
    try {
      if (!pinned.remove(key)) {
        return;
      }
      refreshClock();
      for (Fork f : FORKS) {
        Entry e = table.find(key.h0(), key.h1(), key.h2(), key.h3(), f);
        if (e != null && e.state == Entry.State.COMPILED && e.pinned) {
          e.pinned = false;
          pinnedEntries--;
          pinnedBytes -= e.classBytes;
          lruAppend(e, e.lastUsed());
        }
      }
      evictOverBudget(null);
    } finally {
      lock.unlock();
    }
  }

  boolean isPinned(HashKey key) {
    lock.lock();
    try {
      return pinned.contains(key);
    } finally {
      lock.unlock();
    }
  }

  void setBudget(long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("budget must be >= 0, not " + bytes);
    }
    lock.lock();
    try {
      budget = bytes;
      evictOverBudget(null);
    } finally {
      lock.unlock();
    }
  }

  /** Drops everything: compiled code, jobs (their results will be discarded), counters, failures, pins. */
  void reset() {
    lock.lock();
    try {
      dropAll();
    } finally {
      lock.unlock();
    }
  }

  private void dropAll() { // holds lock
    List<Entry> all = new ArrayList<>(table.size());
    table.forEach(all::add);
    for (Entry e : all) {
      depart(e);
      if (e.job != null) {
        e.job.abandoned = true;
        e.job = null;
      }
      if (e.state == Entry.State.COMPILED) {
        counters.evictedReset.increment();
      }
      e.state = null;
      e.decision = Entry.NOT_YET_HOT;
      e.prev = null;
      e.next = null;
      e.inLru = false;
    }
    for (Job j : workers.drainPending()) {
      j.abandoned = true;
    }
    for (Job j : workers.runningJobs()) {
      j.abandoned = true;
    }
    table.clear();
    lruHead = null;
    lruTail = null;
    residentBytes = 0;
    residentEntries = 0;
    pinnedEntries = 0;
    pinnedBytes = 0;
    compiling = 0;
    failedEntries = 0;
    ineligibleEntries = 0;
    cold.clear();
    pinned.clear();
    failureMemory.clear();
  }

  /** Forgets the call counts of code that is not hot yet; compiled code and failure memory stay. Returns how many. */
  int clearCold() {
    lock.lock();
    try {
      int n = cold.size();
      cold.clear();
      return n;
    } finally {
      lock.unlock();
    }
  }

  /** Runs housekeeping now (clock, time-outs, idle eviction) on the calling thread. */
  void housekeepNow() {
    lock.lock();
    try {
      refreshClock();
      housekeeping();
    } finally {
      lock.unlock();
    }
  }

  /** True when every posted event has been counted and no compile job is outstanding. */
  boolean quiescent() {
    lock.lock();
    try {
      return events.size() == 0 && compiling == 0;
    } finally {
      lock.unlock();
    }
  }

  JitStats.Resident resident() {
    lock.lock();
    try {
      return new JitStats.Resident(residentEntries, residentBytes, pinnedEntries, pinnedBytes, compiling,
          failedEntries, ineligibleEntries, cold.size(), pinned.size());
    } finally {
      lock.unlock();
    }
  }

  int pendingJobs() {
    return workers.pending();
  }

  int runningJobs() {
    return workers.running();
  }

  int workerThreads() {
    return workers.threadCount();
  }

  /** What the runtime knows of one code hash under one fork, for tests and tools. */
  String describe(long h0, long h1, long h2, long h3, Fork fork) {
    lock.lock();
    try {
      Entry e = table.find(h0, h1, h2, h3, fork);
      if (e != null) {
        return e.state + (e.pinned ? " pinned" : "") + (e.lastError == null ? "" : " (" + e.lastError + ")");
      }
      int[] count = cold.get(new ColdKey(h0, h1, h2, h3, fork));
      return count == null ? "UNKNOWN" : "COLD " + count[0];
    } finally {
      lock.unlock();
    }
  }

  /** Stops the coordinator and the workers, dropping everything; waits until {@code deadlineNanos}. */
  boolean shutdown(long deadlineNanos) throws InterruptedException {
    lock.lock();
    try {
      if (shutDown) {
        return !thread.isAlive() && workers.threadCount() == 0;
      }
      shutDown = true;
      enabled = false;
      dropAll();
      if (hotness != null) {
        flushHotness(); // before the sink's owner stops taking calls
      }
    } finally {
      lock.unlock();
    }
    stopping = true;
    LockSupport.unpark(thread);
    boolean workersDone = workers.shutdown(deadlineNanos);
    long left = deadlineNanos - System.nanoTime();
    if (left > 0) {
      TimeUnit.NANOSECONDS.timedJoin(thread, left);
    }
    return workersDone && !thread.isAlive();
  }
}
