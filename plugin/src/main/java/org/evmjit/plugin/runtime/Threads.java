package org.evmjit.plugin.runtime;

import java.util.concurrent.TimeUnit;

/** Waiting for the runtime's threads to end, against one deadline shared by a whole shutdown. */
final class Threads {
  private Threads() {}

  /** Joins each thread until {@code deadlineNanos} ({@link System#nanoTime}); true when all have ended. */
  static boolean joinUntil(Iterable<? extends Thread> threads, long deadlineNanos) throws InterruptedException {
    boolean done = true;
    for (Thread t : threads) {
      long left = deadlineNanos - System.nanoTime();
      if (left > 0) {
        TimeUnit.NANOSECONDS.timedJoin(t, left);
      }
      done &= !t.isAlive();
    }
    return done;
  }
}
