package org.evmjit.plugin.runtime;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The runtime's statistics counters: {@link LongAdder}s, so the lookup path (which bumps one per
 * call, from many threads) does not contend on one cache line. Resettable.
 */
final class Counters {
  final LongAdder hits = new LongAdder();
  final LongAdder[] interpreted = new LongAdder[InterpretReason.values().length];
  final LongAdder offered = new LongAdder();
  final LongAdder dropped = new LongAdder();
  final LongAdder processed = new LongAdder();
  final LongAdder dispatched = new LongAdder();
  final LongAdder succeeded = new LongAdder();
  final LongAdder ineligible = new LongAdder();
  final LongAdder failed = new LongAdder();
  final LongAdder timedOut = new LongAdder();
  final LongAdder overBudget = new LongAdder();
  final LongAdder discarded = new LongAdder();
  final LongAdder deferred = new LongAdder();
  final LongAdder evictedLru = new LongAdder();
  final LongAdder evictedIdle = new LongAdder();
  final LongAdder evictedReset = new LongAdder();
  final LongAdder evictedCold = new LongAdder();
  final LongAdder evictedFailureMemory = new LongAdder();
  final TimeHistogram compileTimes = new TimeHistogram();

  Counters() {
    for (int i = 0; i < interpreted.length; i++) {
      interpreted[i] = new LongAdder();
    }
  }

  void reset() {
    for (LongAdder a : new LongAdder[] {hits, offered, dropped, processed, dispatched, succeeded,
        ineligible, failed, timedOut, overBudget, discarded, deferred, evictedLru, evictedIdle,
        evictedReset, evictedCold, evictedFailureMemory}) {
      a.reset();
    }
    for (LongAdder a : interpreted) {
      a.reset();
    }
    compileTimes.reset();
  }

  JitStats.Lookups lookups() {
    Map<InterpretReason, Long> byReason = new EnumMap<>(InterpretReason.class);
    long misses = 0;
    for (InterpretReason r : InterpretReason.values()) {
      long n = interpreted[r.ordinal()].sum();
      byReason.put(r, n);
      misses += n;
    }
    long h = hits.sum();
    return new JitStats.Lookups(h + misses, h, misses, byReason);
  }

  JitStats.Evictions evictions() {
    return new JitStats.Evictions(evictedLru.sum(), evictedIdle.sum(), evictedReset.sum(),
        evictedCold.sum(), evictedFailureMemory.sum());
  }
}
