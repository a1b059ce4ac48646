package org.evmjit.evm.exec;

import java.util.ArrayDeque;
import java.util.Arrays;
import org.evmjit.evm.frame.Memory;

/**
 * Memory buffers kept per thread across frames and transactions, as {@link StackPool} keeps
 * operand stacks: a frame that grows its memory to megabytes would otherwise allocate and zero a
 * doubling series of arrays each time (on snailtracer that was most of the compiled code's time,
 * and the garbage collector's work). A buffer is given back only when its frame has ended, and is
 * zeroed then, in one fill of the bytes the frame used (zeroing them as they became active again
 * cost a call per expansion: memory_grow's 4,096 steps of 32 bytes). At most {@link #KEPT}
 * buffers of at most {@link #MAX_BUFFER} bytes, {@link #MAX_BYTES} in all, stay per thread.
 */
final class MemoryPool {
  static final int KEPT = 16;
  static final int MAX_BUFFER = 16 << 20;
  static final long MAX_BYTES = 32L << 20;

  private static final ThreadLocal<MemoryPool> PER_THREAD = ThreadLocal.withInitial(MemoryPool::new);

  private final ArrayDeque<byte[]> free = new ArrayDeque<>();
  private long bytes;

  private MemoryPool() {}

  /** This thread's pool; use it only on this thread. */
  static MemoryPool forCurrentThread() {
    return PER_THREAD.get();
  }

  /** Starts the unused memory of a new frame on a kept buffer, if there is one. */
  void lend(Memory m) {
    byte[] b = free.poll();
    if (b != null) {
      bytes -= b.length;
      m.reuse(b);
    }
  }

  /** Takes back the buffer of a frame that has ended. */
  void give(Memory m) {
    int used = m.size();
    byte[] b = m.release();
    if (b.length > 0 && b.length <= MAX_BUFFER && free.size() < KEPT && bytes + b.length <= MAX_BYTES) {
      Arrays.fill(b, 0, used, (byte) 0);
      free.push(b);
      bytes += b.length;
    }
  }
}
