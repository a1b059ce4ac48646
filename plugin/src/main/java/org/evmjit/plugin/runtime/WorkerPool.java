package org.evmjit.plugin.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The compile threads. Jobs wait in a queue (the coordinator keeps it under
 * {@link JitConfig#maxPendingJobs}); each worker takes one, calls the compiler and hands the
 * result to the coordinator. A job that runs past the time limit is abandoned: its worker is
 * interrupted and retired (it exits when the compiler returns) and a fresh worker takes its
 * place, up to twice the configured number of threads in all, so a compiler that hangs cannot
 * stop compilation altogether, nor create threads without bound.
 */
final class WorkerPool {
  private final Coordinator coordinator;
  private final ProgramCompiler compiler;
  private final int size;
  private final String namePrefix;
  private final LinkedBlockingQueue<Job> queue = new LinkedBlockingQueue<>();
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicInteger serial = new AtomicInteger();
  /** Every started thread that has not exited; guarded by {@code this}. */
  private final List<Worker> threads = new ArrayList<>();
  private volatile boolean stopped;

  WorkerPool(Coordinator coordinator, ProgramCompiler compiler, int size, String namePrefix) {
    this.coordinator = coordinator;
    this.compiler = compiler;
    this.size = size;
    this.namePrefix = namePrefix;
  }

  synchronized void start() {
    for (int i = 0; i < size; i++) {
      startWorker();
    }
  }

  private void startWorker() { // holds this
    Worker w = new Worker(namePrefix + serial.incrementAndGet());
    threads.add(w);
    w.start();
  }

  void submit(Job job) {
    queue.add(job);
  }

  /** Jobs waiting for a worker. */
  int pending() {
    return queue.size();
  }

  /** Jobs being compiled (abandoned ones whose compiler has not returned included). */
  int running() {
    return running.get();
  }

  /** Removes the waiting jobs and returns them. */
  List<Job> drainPending() {
    List<Job> jobs = new ArrayList<>();
    queue.drainTo(jobs);
    return jobs;
  }

  /** The jobs being compiled now (those not yet abandoned). */
  synchronized List<Job> runningJobs() {
    List<Job> jobs = new ArrayList<>();
    for (Worker w : threads) {
      Job j = w.current;
      if (j != null && !j.abandoned) {
        jobs.add(j);
      }
    }
    return jobs;
  }

  /**
   * Stops caring about {@code job}, which a worker is compiling: that worker is interrupted and
   * retired, and a fresh worker replaces it if fewer than {@code 2 * size} threads exist.
   */
  synchronized void abandon(Job job) {
    for (Worker w : threads) {
      if (w.current == job && !w.retired) {
        w.retired = true;
        w.interrupt();
        if (!stopped && threads.size() < 2 * size) {
          startWorker();
        }
        return;
      }
    }
  }

  int threadCount() {
    synchronized (this) {
      return threads.size();
    }
  }

  /** Stops taking jobs, interrupts every worker, and waits for them until {@code deadlineNanos} (System.nanoTime). */
  boolean shutdown(long deadlineNanos) throws InterruptedException {
    List<Worker> all;
    synchronized (this) {
      stopped = true;
      all = new ArrayList<>(threads);
    }
    queue.clear();
    for (Worker w : all) {
      w.interrupt();
    }
    return Threads.joinUntil(all, deadlineNanos);
  }

  private final class Worker extends Thread {
    volatile Job current;
    volatile boolean retired;

    Worker(String name) {
      super(name);
      setDaemon(true);
    }

    @Override
    public void run() {
      try {
        while (!stopped && !retired) {
          Job job;
          try {
            job = queue.take();
          } catch (InterruptedException e) {
            continue; // shutdown or retirement re-checked by the loop
          }
          if (job.abandoned) {
            coordinator.complete(job, null, 0); // dropped by a reset before it ran
            continue;
          }
          runJob(job);
        }
      } finally {
        synchronized (WorkerPool.this) {
          threads.remove(this);
        }
      }
    }

    private void runJob(Job job) {
      synchronized (WorkerPool.this) {
        if (stopped) {
          return;
        }
        current = job;
        job.worker = this;
        job.startedAt = coordinator.clockNanos();
      }
      running.incrementAndGet();
      long start = System.nanoTime();
      Compilation result;
      try {
        result = compiler.compile(job.code, job.entry.fork);
        if (result == null) {
          result = Compilation.failed("the compiler returned null", null);
        }
      } catch (Throwable t) { // a compiler bug must not kill the worker, whatever it throws
        result = Compilation.failed(String.valueOf(t), t);
      } finally {
        running.decrementAndGet();
      }
      long elapsed = System.nanoTime() - start;
      synchronized (WorkerPool.this) {
        current = null;
        Thread.interrupted(); // an abandon() aimed at this job must not hit the next one
      }
      coordinator.complete(job, result, elapsed);
    }
  }
}
