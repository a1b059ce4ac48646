package org.evmjit.plugin.runtime;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.evmjit.evm.frame.Code;

/** Small helpers: distinct pieces of code, a clock driven by hand, waiting for the runtime. */
final class TestCodes {
  private TestCodes() {}

  static final Duration WAIT = Duration.ofSeconds(10);

  /**
   * Distinct valid code for each {@code i}: PUSH4 i, PUSH1 0, MSTORE, PUSH1 32, PUSH1 0, RETURN
   * (returns i as a word).
   */
  static Code code(int i) {
    return new Code(new byte[] {
      0x63, (byte) (i >>> 24), (byte) (i >>> 16), (byte) (i >>> 8), (byte) i,
      0x60, 0x00, 0x52, 0x60, 0x20, 0x60, 0x00, (byte) 0xf3});
  }

  /** A clock tests move by hand (nanoseconds). */
  static final class ManualClock implements LongSupplier {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @Override
    public long getAsLong() {
      return nanos.get();
    }

    void advance(Duration d) {
      nanos.addAndGet(d.toNanos());
    }
  }

  /** A config for tests: one worker unless changed, no idle eviction, a long housekeeping interval (tests call it). */
  static JitConfig.Builder config() {
    return JitConfig.builder().workers(1).idleEviction(Duration.ZERO).housekeepingInterval(Duration.ofHours(1))
        .shutdownTimeout(Duration.ofSeconds(5));
  }

  static void quiesce(JitRuntime rt) {
    if (!rt.awaitQuiescence(WAIT)) {
      throw new AssertionError("runtime not quiescent: " + rt.stats().toJson());
    }
  }
}
