package org.evmjit.statetest.runner;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs files on {@code workers} threads while delivering their results in input order, as soon
 * as each file and all before it are done. Files are taken from the iterator on a separate
 * thread, so a blocking source (file names typed on standard input) works: each file starts as
 * soon as it arrives. At most {@link #IN_FLIGHT_PER_WORKER} files per worker are in flight, so memory stays bounded.
 */
public final class ParallelRunner {
  /** Stack size of worker threads: deep EVM call chains recurse deeply. */
  private static final long WORKER_STACK_BYTES = 16L << 20;
  /**
   * Files started ahead of the oldest unfinished one, per worker. Results are small (a few
   * hundred bytes an entry), and one slow file (minutes, for the heaviest time-consuming tests)
   * must not stall the other workers, so the window is wide.
   */
  private static final int IN_FLIGHT_PER_WORKER = 256;

  private static final Future<List<EntryResult>> END = CompletableFuture.completedFuture(null);

  private final int workers;

  public ParallelRunner(int workers) {
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1, not " + workers);
    }
    this.workers = workers;
  }

  /**
   * Runs {@code task} on each file of {@code files}; calls {@code sink} with each file's results,
   * in the order of {@code files}, on the calling thread.
   */
  public void run(
      Iterator<FixtureFile> files,
      Function<FixtureFile, List<EntryResult>> task,
      Consumer<List<EntryResult>> sink) {
    ExecutorService pool = Executors.newFixedThreadPool(workers, threadFactory());
    BlockingQueue<Future<List<EntryResult>>> inFlight = new ArrayBlockingQueue<>(workers * IN_FLIGHT_PER_WORKER);
    Thread producer = Thread.ofPlatform().daemon().name("evmjit-files").start(() -> {
      try {
        while (files.hasNext()) {
          FixtureFile file = files.next();
          inFlight.put(pool.submit(() -> task.apply(file)));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        putQuietly(inFlight, CompletableFuture.failedFuture(e));
      } finally {
        putQuietly(inFlight, END);
      }
    });
    try {
      while (true) {
        Future<List<EntryResult>> next = inFlight.take();
        if (next == END) {
          break;
        }
        sink.accept(next.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      producer.interrupt();
    } catch (ExecutionException e) {
      producer.interrupt();
      throw new IllegalStateException("running the files failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static void putQuietly(
      BlockingQueue<Future<List<EntryResult>>> queue, Future<List<EntryResult>> item) {
    try {
      queue.put(item);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory threadFactory() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(null, r, "evmjit-worker-" + n.incrementAndGet(), WORKER_STACK_BYTES);
      t.setDaemon(true);
      return t;
    };
  }
}
