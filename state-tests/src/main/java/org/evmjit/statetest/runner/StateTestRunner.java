package org.evmjit.statetest.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.state.WorldState;
import org.evmjit.evm.trace.Tracer;
import org.evmjit.evm.tx.BlockEnv;
import org.evmjit.evm.tx.Transaction;
import org.evmjit.evm.tx.TransactionResult;
import org.evmjit.statetest.SkipList;
import org.evmjit.statetest.fixture.Hex;
import org.evmjit.statetest.fixture.PostEntry;
import org.evmjit.statetest.fixture.StateTest;
import org.evmjit.statetest.runner.EntryResult.Status;

/**
 * Runs the post entries of a state test: for each, a fresh world state from {@code pre}, the
 * block environment and transaction the entry selects, one {@link Executor#execute} call, then
 * the state root and logs hash compared with the fixture. Every exception, from the EVM or
 * anywhere else, becomes a failed {@link EntryResult}; nothing escapes. Thread-safe if the
 * executor is.
 */
public final class StateTestRunner {
  /** Makes the tracer for one entry; null for no tracing. */
  @FunctionalInterface
  public interface TracerFactory {
    Tracer open(StateTest test, PostEntry entry);
  }

  private final Executor executor;
  private final SkipList skipList;
  private final TracerFactory tracers;

  public StateTestRunner(Executor executor, SkipList skipList, TracerFactory tracers) {
    this.executor = executor;
    this.skipList = skipList;
    this.tracers = tracers;
  }

  public StateTestRunner(Executor executor) {
    this(executor, SkipList.empty(), null);
  }

  /** Runs (or skips) the entries of {@code test} that {@code selection} picks, in file order. */
  public List<EntryResult> run(StateTest test, String skipPath, Selection selection) {
    List<EntryResult> results = new ArrayList<>();
    if (!selection.selectsTest(test.name())) {
      return results;
    }
    for (PostEntry entry : test.post()) {
      if (selection.selectsEntry(entry, Fork.byName(entry.forkName()))) {
        results.add(run(test, skipPath, entry));
      }
    }
    return results;
  }

  /**
   * Runs one post entry, or skips it when the skip list names its test ({@code skipPath} is the
   * file's path for suffix matching); an entry of an unknown fork fails.
   */
  public EntryResult run(StateTest test, String skipPath, PostEntry entry) {
    Optional<SkipList.Entry> skip = skipList.match(skipPath, test.name());
    if (skip.isPresent()) {
      return skipped(test, entry, "skip list: " + skip.get().reason());
    }
    Optional<Fork> fork = Fork.byName(entry.forkName());
    if (fork.isEmpty()) {
      return failed(test, entry,
          "unknown fork '" + entry.forkName() + "' (known: " + Fork.knownNames() + ")", 0);
    }
    return runEntry(test, entry, fork.get());
  }

  /** Runs one post entry under {@code fork}. */
  public EntryResult runEntry(StateTest test, PostEntry entry, Fork fork) {
    long timeNs = 0;
    try {
      WorldState state = test.newPreState();
      BlockEnv env = test.env().toBlockEnv(fork);
      Transaction tx = test.transaction().build(entry.indexes());
      Tracer tracer = tracers == null ? null : tracers.open(test, entry);
      long start = System.nanoTime();
      TransactionResult result = executor.execute(fork, state, env, tx, tracer);
      timeNs = System.nanoTime() - start;
      state.touch(env.coinbase(), fork); // the zero reward geth's runner pays after every transaction
      byte[] root = executor.stateRoot(state);
      byte[] logs = executor.logsHash(result.logs());
      String failure = Verdict.check(entry, result, root, logs, state);
      return new EntryResult(test.file(), test.name(), entry.forkName(),
          entry.indexes().data(), entry.indexes().gas(), entry.indexes().value(),
          failure == null ? Status.PASS : Status.FAIL,
          Hex.prefixed(root), Hex.prefixed(logs), result.gasUsed(), Hex.unprefixed(result.output()),
          failure != null ? failure : result.invalidReason(), timeNs);
    } catch (DifferentialExecutor.Divergence d) {
      return failed(test, entry, d.getMessage(), timeNs);
    } catch (Throwable t) { // includes StackOverflowError and OutOfMemoryError from the EVM
      return failed(test, entry, "exception: " + Verdict.describe(t), timeNs);
    }
  }

  private static EntryResult failed(StateTest test, PostEntry entry, String error, long timeNs) {
    return result(test, entry, Status.FAIL, error, timeNs);
  }

  private static EntryResult skipped(StateTest test, PostEntry entry, String reason) {
    return result(test, entry, Status.SKIP, reason, 0);
  }

  private static EntryResult result(
      StateTest test, PostEntry entry, Status status, String error, long timeNs) {
    return new EntryResult(test.file(), test.name(), entry.forkName(),
        entry.indexes().data(), entry.indexes().gas(), entry.indexes().value(),
        status, null, null, 0, "", error, timeNs);
  }
}
