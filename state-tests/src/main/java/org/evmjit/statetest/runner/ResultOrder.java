package org.evmjit.statetest.runner;

import java.util.Comparator;
import org.evmjit.evm.fork.Fork;

/**
 * The order results are reported in: file, test, fork (chronologically; unknown names after
 * the known ones, alphabetically), then data, gas and value index.
 */
public final class ResultOrder {
  public static final Comparator<EntryResult> ORDER =
      Comparator.comparing(EntryResult::file)
          .thenComparing(EntryResult::test)
          .thenComparingInt((EntryResult r) -> forkRank(r.fork()))
          .thenComparing(EntryResult::fork)
          .thenComparingInt(EntryResult::d)
          .thenComparingInt(EntryResult::g)
          .thenComparingInt(EntryResult::v);

  private ResultOrder() {}

  private static int forkRank(String name) {
    return Fork.byName(name).map(Enum::ordinal).orElse(Integer.MAX_VALUE);
  }
}
