package org.evmjit.plugin.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.evmjit.evm.fork.Fork;

/**
 * What the runtime knows about one (code hash, fork) beyond a cold call count: being compiled,
 * compiled, ineligible or failed. Lookups read only the volatile fields; everything else is
 * guarded by the coordinator's lock.
 */
final class Entry {
  enum State { COMPILING, COMPILED, INELIGIBLE, FAILED }

  static final Decision NOT_YET_HOT = Decision.Interpret.of(InterpretReason.NOT_YET_HOT);
  static final Decision COMPILING = Decision.Interpret.of(InterpretReason.COMPILING);
  static final Decision INELIGIBLE = Decision.Interpret.of(InterpretReason.INELIGIBLE);
  static final Decision FAILED = Decision.Interpret.of(InterpretReason.FAILED);

  final long h0;
  final long h1;
  final long h2;
  final long h3;
  final Fork fork;

  /**
   * What lookups answer for this entry; never null (an entry is published to the lock-free table
   * as soon as it is added, so it starts as COMPILING, the state it is added in).
   */
  volatile Decision decision = COMPILING;
  /**
   * Clock time of the last hit. Lookups write it when it changes (the clock moves in steps of a
   * millisecond at least) with opaque accesses: atomic and eventually visible, no fence on the
   * hit path; the coordinator only needs it approximately, for LRU and idle eviction.
   */
  private long lastUsed;
  /** FAILED: from this clock time on, lookups post an event so the coordinator retries. */
  volatile long retryAt = Long.MAX_VALUE;

  // ---- guarded by the coordinator's lock ----
  State state;
  long classBytes;
  boolean pinned;
  int failures;
  String lastError;
  Job job;
  /** The LRU list of compiled, unpinned entries (oldest first). */
  Entry prev;
  Entry next;
  boolean inLru;
  /** The clock time the entry had when it was (re)placed in the LRU list. */
  long lruStamp;
  /** Failure memory: insertion order, oldest forgotten first. */
  long failureSeq;
  /** Calls observed and not yet handed to the hotness sink (see {@code Coordinator.hotness}). */
  long pendingCalls;
  /** The last-used stamp seen at the previous hotness sample. */
  long sampledUse;

  private static final VarHandle LAST_USED;

  static {
    try {
      LAST_USED = MethodHandles.lookup().findVarHandle(Entry.class, "lastUsed", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  long lastUsed() {
    return (long) LAST_USED.getOpaque(this);
  }

  /** Records a use at {@code now}; writes only when the value changes. */
  void touch(long now) {
    if ((long) LAST_USED.getOpaque(this) != now) {
      LAST_USED.setOpaque(this, now);
    }
  }

  Entry(long h0, long h1, long h2, long h3, Fork fork) {
    this.h0 = h0;
    this.h1 = h1;
    this.h2 = h2;
    this.h3 = h3;
    this.fork = fork;
  }

  /** The code hash as bytes (for reports). */
  byte[] hash() {
    return hashBytes(h0, h1, h2, h3);
  }

  static byte[] hashBytes(long a, long b, long c, long d) {
    return ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN).putLong(a).putLong(b).putLong(c).putLong(d).array();
  }

  @Override
  public String toString() {
    return "Entry[" + java.util.HexFormat.of().formatHex(hash()) + " " + fork + " " + state + "]";
  }
}
