package org.evmjit.evm.exec;

import java.util.ArrayDeque;
import org.evmjit.evm.frame.Frame;

/**
 * Operand stacks ({@link Frame#MAX_STACK} × 4 limbs, 32 KiB each) kept per thread across
 * transactions, so a frame does not allocate and zero a fresh one: for a short transaction that
 * allocation costs more than the instructions it runs. A stack is given back only when its frame
 * has ended and is never run again; no engine reads a word at or above {@code sp} before writing it,
 * so a stack's old contents are never seen. At most {@link #KEPT} free stacks stay per thread (the
 * rest of a deep call chain's stacks go to the garbage collector).
 */
final class StackPool {
  /** Free stacks kept per thread: 2 MiB, deeper than the call depth of nearly every transaction. */
  static final int KEPT = 64;

  private static final ThreadLocal<StackPool> PER_THREAD = ThreadLocal.withInitial(StackPool::new);

  private final ArrayDeque<long[]> free = new ArrayDeque<>();

  private StackPool() {}

  /** This thread's pool; use it only on this thread. */
  static StackPool forCurrentThread() {
    return PER_THREAD.get();
  }

  long[] take() {
    long[] s = free.poll();
    return s != null ? s : new long[Frame.MAX_STACK * 4];
  }

  /** Returns the stack of a frame that has ended. */
  void give(long[] stack) {
    if (free.size() < KEPT) {
      free.push(stack);
    }
  }
}
