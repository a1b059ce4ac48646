package org.evmjit.store;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Rejections since the store was opened, by reason, for {@link ArtifactStore#stats}. */
final class RejectCounters {
  private final Map<RejectReason, LongAdder> counts = new EnumMap<>(RejectReason.class);

  RejectCounters() {
    for (RejectReason r : RejectReason.values()) {
      counts.put(r, new LongAdder());
    }
  }

  void count(RejectReason reason) {
    counts.get(reason).increment();
  }

  /** Every reason with its count (zeros included), in declaration order. */
  Map<RejectReason, Long> snapshot() {
    Map<RejectReason, Long> out = new EnumMap<>(RejectReason.class);
    counts.forEach((r, n) -> out.put(r, n.sum()));
    return out;
  }
}
