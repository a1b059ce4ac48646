package org.evmjit.plugin.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.evmjit.evm.frame.Code;

/**
 * The bounded queue from lookups (many producers) to the coordinator (one consumer): "this code
 * hash ran under this fork". A ring of preallocated slots with a sequence number each (Vyukov's
 * bounded queue), so {@link #offer} never blocks and never allocates; when the ring is full the
 * event is refused and the caller counts a drop.
 *
 * <p>An event carries the code hash as four longs (no reference to the caller's array is kept),
 * the fork and the {@link Code}, which a compile job needs.
 */
final class EventQueue {
  private static final VarHandle SEQ = MethodHandles.arrayElementVarHandle(long[].class);
  private static final VarHandle TAIL;

  static {
    try {
      TAIL = MethodHandles.lookup().findVarHandle(EventQueue.class, "tail", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final int mask;
  private final long[] sequence;
  private final long[] h0;
  private final long[] h1;
  private final long[] h2;
  private final long[] h3;
  private final byte[] fork;
  private final Code[] code;
  /** Calls the event stands for: 1 for a lookup, more for a frame that spent much gas interpreted. */
  private final int[] weight;

  @SuppressWarnings("unused") // padding: keep the producers' tail off the consumer's cache line
  private long p1, p2, p3, p4, p5, p6, p7;
  private volatile long tail;
  @SuppressWarnings("unused")
  private long q1, q2, q3, q4, q5, q6, q7;
  /** Written by the consumer only. */
  private volatile long head;

  EventQueue(int requestedCapacity) {
    int capacity = Integer.highestOneBit(Math.max(2, requestedCapacity) - 1) << 1;
    mask = capacity - 1;
    sequence = new long[capacity];
    for (int i = 0; i < capacity; i++) {
      sequence[i] = i;
    }
    h0 = new long[capacity];
    h1 = new long[capacity];
    h2 = new long[capacity];
    h3 = new long[capacity];
    fork = new byte[capacity];
    code = new Code[capacity];
    weight = new int[capacity];
  }

  int capacity() {
    return mask + 1;
  }

  /** Events waiting (a snapshot; exact only when nobody is offering). */
  long size() {
    return Math.max(0, tail - head);
  }

  /** Adds an event; false (and nothing changes) when the queue is full. Lock-free, never blocks. */
  boolean offer(long a, long b, long c, long d, int forkOrdinal, Code codeRef, int calls) {
    long pos = tail;
    while (true) {
      int i = (int) pos & mask;
      long seq = (long) SEQ.getAcquire(sequence, i);
      long diff = seq - pos;
      if (diff == 0) {
        if (TAIL.compareAndSet(this, pos, pos + 1)) {
          h0[i] = a;
          h1[i] = b;
          h2[i] = c;
          h3[i] = d;
          fork[i] = (byte) forkOrdinal;
          code[i] = codeRef;
          weight[i] = calls;
          SEQ.setRelease(sequence, i, pos + 1);
          return true;
        }
        pos = tail;
      } else if (diff < 0) {
        return false; // the slot still holds an event from one lap ago: full
      } else {
        pos = tail; // another producer took this slot
      }
    }
  }

  /** What {@link #poll} hands to the consumer. */
  interface Sink {
    void accept(long h0, long h1, long h2, long h3, int forkOrdinal, Code code, int calls);
  }

  /** Takes up to {@code max} events in order; consumer thread only. Returns how many. */
  int poll(Sink sink, int max) {
    long h = head;
    int n = 0;
    while (n < max) {
      int i = (int) h & mask;
      long seq = (long) SEQ.getAcquire(sequence, i);
      if (seq != h + 1) {
        break; // empty, or the producer of this slot has not published yet
      }
      Code c = code[i];
      code[i] = null;
      sink.accept(h0[i], h1[i], h2[i], h3[i], fork[i], c, weight[i]);
      SEQ.setRelease(sequence, i, h + mask + 1);
      h++;
      n++;
    }
    head = h;
    return n;
  }
}
