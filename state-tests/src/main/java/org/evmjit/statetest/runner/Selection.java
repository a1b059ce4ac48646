package org.evmjit.statetest.runner;

import java.util.Optional;
import java.util.regex.Pattern;
import org.evmjit.evm.fork.Fork;
import org.evmjit.statetest.fixture.PostEntry;

/**
 * Which post entries to run: an optional fork, test-name regex (found anywhere in the name, as
 * geth's {@code --run}), and data/gas/value indexes. Null fields select everything.
 */
public record Selection(Fork fork, Pattern run, Integer dataIndex, Integer gasIndex, Integer valueIndex) {
  public static final Selection ALL = new Selection(null, null, null, null, null);

  public static Selection fork(Fork fork) {
    return new Selection(fork, null, null, null, null);
  }

  public boolean selectsTest(String name) {
    return run == null || run.matcher(name).find();
  }

  /**
   * Whether to run {@code entry}, whose fork resolves to {@code resolved}. With a fork filter,
   * entries of other forks and of unknown forks are left out (not counted at all).
   */
  public boolean selectsEntry(PostEntry entry, Optional<Fork> resolved) {
    if (fork != null && !resolved.map(fork::equals).orElse(false)) {
      return false;
    }
    return (dataIndex == null || dataIndex == entry.indexes().data())
        && (gasIndex == null || gasIndex == entry.indexes().gas())
        && (valueIndex == null || valueIndex == entry.indexes().value());
  }
}
