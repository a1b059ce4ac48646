package org.evmjit.plugin.runtime;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import org.evmjit.store.RejectReason;

/**
 * What the runtime did with its artifact store, counted off the lookup path (preload, workers,
 * the write-behind thread): {@link LongAdder}s, and one cell per {@link RejectReason}.
 */
final class StoreCounters {
  final LongAdder preloaded = new LongAdder();
  final LongAdder preloadBytes = new LongAdder();
  final LongAdder preloadDefined = new LongAdder();
  final LongAdder loadedFromStore = new LongAdder();
  final LongAdder persisted = new LongAdder();
  final LongAdder persistBatches = new LongAdder();
  final LongAdder persistDropped = new LongAdder();
  final LongAdder persistFailures = new LongAdder();
  final LongAdder hotnessRecorded = new LongAdder();
  final LongAdder readFailures = new LongAdder();
  private final AtomicLongArray rejected = new AtomicLongArray(RejectReason.values().length);
  volatile long preloadMillis;

  void rejected(RejectReason reason) {
    rejected.incrementAndGet(reason.ordinal());
  }

  /** Rejections by reason, every reason present. */
  Map<RejectReason, Long> rejectedByReason() {
    Map<RejectReason, Long> m = new EnumMap<>(RejectReason.class);
    for (RejectReason r : RejectReason.values()) {
      m.put(r, rejected.get(r.ordinal()));
    }
    return m;
  }
}
