package org.evmjit.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * A record as ordering sees it: its key bytes, the calls recorded for the key and its index
 * entry. Loading takes records hottest first; the disk budget removes them coldest first.
 */
record RankedRecord(byte[] key, long calls, IndexEntry entry) {
  /** Most calls first, then newest, then key order (so equal records always come in one order). */
  static final Comparator<RankedRecord> HOTTEST_FIRST = Comparator
      .comparingLong(RankedRecord::calls).reversed()
      .thenComparing(Comparator.comparingLong((RankedRecord r) -> r.entry().createdMillis()).reversed())
      .thenComparing(RankedRecord::key, Arrays::compareUnsigned);

  /**
   * The records to remove, coldest first (fewest calls, then oldest), so that the bytes of the
   * rest are at most {@code budgetBytes}; empty when they already are.
   */
  static List<RankedRecord> coldestOverBudget(Collection<RankedRecord> records, long budgetBytes) {
    long total = totalBytes(records);
    List<RankedRecord> coldestFirst = new ArrayList<>(records);
    coldestFirst.sort(HOTTEST_FIRST.reversed());
    List<RankedRecord> remove = new ArrayList<>();
    for (RankedRecord r : coldestFirst) {
      if (total <= budgetBytes) {
        break;
      }
      remove.add(r);
      total -= r.entry().recordBytes();
    }
    return remove;
  }

  static long totalBytes(Collection<RankedRecord> records) {
    return records.stream().mapToLong(r -> r.entry().recordBytes()).sum();
  }
}
