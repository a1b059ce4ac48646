package org.evmjit.plugin.runtime;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The runtime's statistics counters: the lookup path's in {@link LookupCounters} (per-thread
 * cells, no atomic instruction), the coordinator's and workers' in {@link LongAdder}s.
 * Resettable.
 */
final class Counters {
  final LookupCounters lookup = new LookupCounters();
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

  void reset() {
    lookup.reset();
    for (LongAdder a : new LongAdder[] {processed, dispatched, succeeded,
        ineligible, failed, timedOut, overBudget, discarded, deferred, evictedLru, evictedIdle,
        evictedReset, evictedCold, evictedFailureMemory}) {
      a.reset();
    }
    compileTimes.reset();
  }

  JitStats.Lookups lookups(long[] c) {
    Map<InterpretReason, Long> byReason = new EnumMap<>(InterpretReason.class);
    long misses = 0;
    for (InterpretReason r : InterpretReason.values()) {
      long n = c[LookupCounters.REASONS + r.ordinal()];
      byReason.put(r, n);
      misses += n;
    }
    long h = c[LookupCounters.HITS];
    return new JitStats.Lookups(h + misses, h, misses, byReason);
  }

  JitStats.Evictions evictions() {
    return new JitStats.Evictions(evictedLru.sum(), evictedIdle.sum(), evictedReset.sum(),
        evictedCold.sum(), evictedFailureMemory.sum());
  }
}
