package org.evmjit.plugin.runtime;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.evmjit.store.Artifact;
import org.evmjit.store.ArtifactKey;
import org.evmjit.store.ArtifactStore;

/**
 * Write-behind: compile workers hand over artifacts ({@link #offer}, never waits: a full queue
 * drops and counts), the coordinator hands over call counts ({@link #addCalls}), and one daemon
 * thread writes them: artifacts in batches ({@link ArtifactStore#putAll}, one transaction) when
 * {@link StoreConfig#batchSize} are waiting or the oldest has waited
 * {@link StoreConfig#flushInterval}; call counts every {@link StoreConfig#hotnessInterval}.
 *
 * <p>A store that throws is counted and reported once through {@link StoreConfig#warnings}, never
 * to a caller; after {@link StoreConfig#maxFailures} failures in a row the persister stops for
 * good (a full disk or a broken store would fail forever) and says so in the statistics.
 * {@link #close} writes what is queued until a deadline, counting what is left as dropped.
 */
final class ArtifactPersister {
  private final ArtifactStore store;
  private final StoreConfig config;
  private final StoreCounters counters;
  private final long flushNanos;
  private final long hotnessNanos;
  private final Thread thread;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition wake = lock.newCondition();
  // ---- guarded by lock ----
  private final ArrayDeque<Artifact> queue = new ArrayDeque<>();
  private Map<ArtifactKey, Long> calls = new HashMap<>();
  private boolean closing;
  private long closeDeadline;

  // ---- the writer thread's, read by stats ----
  private int failuresInARow;
  private boolean warned;
  private volatile String stopped;

  ArtifactPersister(ArtifactStore store, StoreConfig config, StoreCounters counters, String threadName) {
    this.store = store;
    this.config = config;
    this.counters = counters;
    this.flushNanos = config.flushInterval().toNanos();
    this.hotnessNanos = config.hotnessInterval().toNanos();
    this.thread = new Thread(this::run, threadName);
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** Queues {@code artifact} for writing; false (counted as dropped when the queue is full) when it will not be written. */
  boolean offer(Artifact artifact) {
    lock.lock();
    try {
      if (closing || stopped != null) {
        return false;
      }
      if (queue.size() >= config.queueCapacity()) {
        counters.persistDropped.increment();
        return false;
      }
      queue.add(artifact);
      if (queue.size() >= config.batchSize()) {
        wake.signal();
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** Adds observed calls, written with the next call-count flush. */
  void addCalls(Map<ArtifactKey, Long> more) {
    lock.lock();
    try {
      if (!closing && stopped == null) {
        more.forEach((k, n) -> calls.merge(k, n, Long::sum));
      }
    } finally {
      lock.unlock();
    }
  }

  int queued() {
    lock.lock();
    try {
      return queue.size();
    } finally {
      lock.unlock();
    }
  }

  /** Why writing stopped, or null. */
  String stopped() {
    return stopped;
  }

  /**
   * Stops taking work and writes what is queued, until {@code deadlineNanos} ({@link System#nanoTime});
   * true when the writer thread finished in time (it no longer touches the store).
   */
  boolean close(long deadlineNanos) throws InterruptedException {
    lock.lock();
    try {
      if (!closing) {
        closing = true;
        closeDeadline = deadlineNanos;
      }
      wake.signal();
    } finally {
      lock.unlock();
    }
    return Threads.joinUntil(List.of(thread), deadlineNanos);
  }

  private void run() {
    long nextCalls = System.nanoTime() + hotnessNanos;
    while (true) {
      List<Artifact> batch;
      Map<ArtifactKey, Long> dueCalls = null;
      boolean last;
      lock.lock();
      try {
        awaitBatch();
        last = closing;
        batch = take();
        if (last || System.nanoTime() - nextCalls >= 0) {
          dueCalls = calls;
          calls = new HashMap<>();
          nextCalls = System.nanoTime() + hotnessNanos;
        }
      } finally {
        lock.unlock();
      }
      write(batch);
      if (last) {
        drain();
        writeCalls(dueCalls);
        return;
      }
      writeCalls(dueCalls);
    }
  }

  /** Waits (holding the lock) until a batch is full, the flush interval has passed, or closing. */
  private void awaitBatch() {
    long until = System.nanoTime() + flushNanos;
    while (!closing && queue.size() < config.batchSize()) {
      long left = until - System.nanoTime();
      if (left <= 0) {
        return;
      }
      try {
        wake.awaitNanos(left);
      } catch (InterruptedException e) {
        return; // nobody interrupts this thread; treat as a flush
      }
    }
  }

  private List<Artifact> take() { // holds lock
    List<Artifact> batch = new ArrayList<>(Math.min(queue.size(), config.batchSize()));
    while (batch.size() < config.batchSize() && !queue.isEmpty()) {
      batch.add(queue.poll());
    }
    return batch;
  }

  /** After close: writes the rest, batch by batch, until the deadline; what is left is dropped. */
  private void drain() {
    while (true) {
      List<Artifact> batch;
      lock.lock();
      try {
        if (System.nanoTime() - closeDeadline > 0 || stopped != null) {
          counters.persistDropped.add(queue.size());
          queue.clear();
          return;
        }
        batch = take();
      } finally {
        lock.unlock();
      }
      if (batch.isEmpty()) {
        return;
      }
      write(batch);
    }
  }

  private void write(List<Artifact> batch) {
    if (batch.isEmpty()) {
      return;
    }
    if (stopped != null) {
      counters.persistDropped.add(batch.size());
      return;
    }
    try {
      store.putAll(batch);
      counters.persisted.add(batch.size());
      counters.persistBatches.increment();
      failuresInARow = 0;
    } catch (RuntimeException e) {
      failed("write " + batch.size() + " artifacts", e);
      counters.persistDropped.add(batch.size());
    }
  }

  private void writeCalls(Map<ArtifactKey, Long> due) {
    if (due == null || due.isEmpty() || stopped != null) {
      return;
    }
    try {
      store.addCalls(due);
      counters.hotnessRecorded.add(due.size());
      failuresInARow = 0;
    } catch (RuntimeException e) {
      failed("record the calls of " + due.size() + " codes", e);
    }
  }

  private void failed(String what, RuntimeException e) {
    counters.persistFailures.increment();
    failuresInARow++;
    if (!warned) {
      warned = true;
      config.warnings().accept("evmjit: artifact store " + config.directory() + ": cannot " + what + ": " + e
          + " (counted in the statistics; further failures are not reported here)");
    }
    if (failuresInARow >= config.maxFailures()) {
      stopped = "stopped writing after " + failuresInARow + " failures in a row; last: " + e;
      config.warnings().accept("evmjit: artifact store " + config.directory() + ": " + stopped
          + "; the run goes on in memory");
      lock.lock();
      try {
        counters.persistDropped.add(queue.size());
        queue.clear();
        calls.clear();
      } finally {
        lock.unlock();
      }
    }
  }
}
