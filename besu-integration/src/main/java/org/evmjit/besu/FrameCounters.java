package org.evmjit.besu;

import java.util.concurrent.atomic.LongAdder;

/** What the installed EVMs did, for metrics and {@code evmjit_stats}. */
final class FrameCounters {
  final LongAdder compiledFrames = new LongAdder();
  final LongAdder interpretedFrames = new LongAdder();
  final LongAdder tracedFrames = new LongAdder();
  final LongAdder fallbacks = new LongAdder();
  final LongAdder failures = new LongAdder();
}
