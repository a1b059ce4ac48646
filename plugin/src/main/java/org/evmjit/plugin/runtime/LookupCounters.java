package org.evmjit.plugin.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Iterator;

/**
 * The counters the lookup path bumps on every call (hits, interpretations per reason, events
 * offered and dropped), without an atomic instruction: each thread counts in its own cell (a
 * {@code long[]} reached through a {@link ThreadLocal}), which only it writes, with opaque
 * stores; readers sum the cells with opaque loads. An atomic add (a {@code LongAdder}'s CAS) is a
 * full fence on x86: it kept the lookups of a loop from overlapping their cache misses, and
 * tripled the cost of a hit with 100,000 entries resident (LookupBenchmark).
 *
 * <p>Exact: a cell has one writer, a dead thread's cell is folded into {@code retired}
 * ({@link #sweep}, from housekeeping) once its thread has terminated, and {@link #reset} moves a
 * baseline instead of writing the cells.
 */
final class LookupCounters {
  static final int HITS = 0;
  /** Slot of an {@link InterpretReason}: {@code REASONS + ordinal}. */
  static final int REASONS = 1;
  static final int OFFERED = REASONS + InterpretReason.values().length;
  static final int DROPPED = OFFERED + 1;
  static final int SLOTS = DROPPED + 1;

  private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);

  private record Registration(WeakReference<Thread> thread, long[] cell) {}

  private final ThreadLocal<long[]> local = ThreadLocal.withInitial(this::register);
  /** Guarded by itself. */
  private final ArrayList<Registration> live = new ArrayList<>();
  private final long[] retired = new long[SLOTS];
  private final long[] baseline = new long[SLOTS];

  /** Adds one to {@code slot} for the calling thread. */
  void increment(int slot) {
    long[] cell = local.get();
    LONGS.setOpaque(cell, slot, cell[slot] + 1); // only this thread writes its cell
  }

  private long[] register() {
    long[] cell = new long[SLOTS];
    synchronized (live) {
      live.add(new Registration(new WeakReference<>(Thread.currentThread()), cell));
    }
    return cell;
  }

  private long[] raw() { // holds live
    long[] sum = retired.clone();
    for (Registration r : live) {
      for (int i = 0; i < SLOTS; i++) {
        sum[i] += (long) LONGS.getOpaque(r.cell(), i);
      }
    }
    return sum;
  }

  /** The counts since the start or the last {@link #reset}. */
  long[] snapshot() {
    synchronized (live) {
      long[] sum = raw();
      for (int i = 0; i < SLOTS; i++) {
        sum[i] -= baseline[i];
      }
      return sum;
    }
  }

  void reset() {
    synchronized (live) {
      System.arraycopy(raw(), 0, baseline, 0, SLOTS);
    }
  }

  /** Folds the cells of terminated threads into {@code retired} and forgets them. */
  void sweep() {
    synchronized (live) {
      for (Iterator<Registration> it = live.iterator(); it.hasNext(); ) {
        Registration r = it.next();
        Thread t = r.thread().get();
        if (t == null || !t.isAlive()) {
          for (int i = 0; i < SLOTS; i++) {
            retired[i] += (long) LONGS.getOpaque(r.cell(), i);
          }
          it.remove();
        }
      }
    }
  }

  int liveCells() {
    synchronized (live) {
      return live.size();
    }
  }
}
