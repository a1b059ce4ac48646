package org.evmjit.statetest.runner;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.trace.Tracer;
import org.evmjit.statetest.SkipList;
import org.evmjit.statetest.fixture.PostEntry;
import org.evmjit.statetest.fixture.StateTest;
import org.evmjit.statetest.runner.EntryResult.Status;

/**
 * Runs the post entries of a state test on one or more engines: each engine runs the entry (a
 * fresh pre-state each), any difference between engines fails the entry naming the first engine
 * pair and field that differ, and the outcome of the first of evmjit's engines (the first engine
 * when none is evmjit's) is compared with the fixture. Every exception, from an engine or
 * anywhere else, becomes a failed {@link EntryResult}; nothing escapes. Thread-safe if the
 * engines are.
 */
public final class StateTestRunner {
  /** Makes the tracer for one entry; null for no tracing. */
  @FunctionalInterface
  public interface TracerFactory {
    Tracer open(StateTest test, PostEntry entry);
  }

  private final List<EntryEngine> engines;
  private final SkipList skipList;
  private final TracerFactory tracers;

  public StateTestRunner(List<EntryEngine> engines, SkipList skipList, TracerFactory tracers) {
    if (engines.isEmpty()) {
      throw new IllegalArgumentException("no engine");
    }
    this.engines = List.copyOf(engines);
    this.skipList = skipList;
    this.tracers = tracers;
  }

  /** One evmjit engine. */
  public StateTestRunner(Executor executor, SkipList skipList, TracerFactory tracers) {
    this(List.of(new ExecutorEngine("evmjit", executor)), skipList, tracers);
  }

  public StateTestRunner(Executor executor) {
    this(executor, SkipList.empty(), null);
  }

  /** Runs (or skips) the entries of {@code test} that {@code selection} picks, in file order. */
  public List<EntryResult> run(StateTest test, String skipPath, Selection selection) {
    return run(test, skipPath, selection, () -> null);
  }

  /** As {@link #run(StateTest, String, Selection)}; {@code json} gives the test's JSON object. */
  public List<EntryResult> run(StateTest test, String skipPath, Selection selection, Supplier<JsonNode> json) {
    List<EntryResult> results = new ArrayList<>();
    if (!selection.selectsTest(test.name())) {
      return results;
    }
    for (PostEntry entry : test.post()) {
      if (selection.selectsEntry(entry, Fork.byName(entry.forkName()))) {
        results.add(run(test, skipPath, entry, json));
      }
    }
    return results;
  }

  /**
   * Runs one post entry, or skips it when the skip list names its test ({@code skipPath} is the
   * file's path for suffix matching); an entry of an unknown fork fails.
   */
  public EntryResult run(StateTest test, String skipPath, PostEntry entry) {
    return run(test, skipPath, entry, () -> null);
  }

  /** As {@link #run(StateTest, String, PostEntry)}; {@code json} gives the test's JSON object. */
  public EntryResult run(StateTest test, String skipPath, PostEntry entry, Supplier<JsonNode> json) {
    Optional<SkipList.Entry> skip = skipList.match(skipPath, test.name());
    if (skip.isPresent()) {
      return result(test, entry, Status.SKIP, "skip list: " + skip.get().reason(), 0);
    }
    Optional<Fork> fork = Fork.byName(entry.forkName());
    if (fork.isEmpty()) {
      return failed(test, entry,
          "unknown fork '" + entry.forkName() + "' (known: " + Fork.knownNames() + ")", 0);
    }
    return runEntry(new Entry(test, entry, fork.get(), json));
  }

  /** Runs one post entry under {@code fork}. */
  public EntryResult runEntry(StateTest test, PostEntry entry, Fork fork) {
    return runEntry(new Entry(test, entry, fork, () -> null));
  }

  /** Runs one entry on every engine and compares them, then evmjit's outcome with the fixture. */
  public EntryResult runEntry(Entry e) {
    StateTest test = e.test();
    PostEntry entry = e.post();
    Outcome first = null;
    Outcome judged = null;
    for (EntryEngine engine : engines) {
      Outcome outcome;
      try {
        outcome = engine.run(e, tracers == null ? null : tracers.open(test, entry));
      } catch (EntryEngine.EntrySkipped s) {
        return result(test, entry, Status.SKIP, engines.size() > 1 ? engine.name() + ": " + s.getMessage() : s.getMessage(), 0);
      } catch (DifferentialExecutor.Divergence d) {
        return failed(test, entry, d.getMessage(), 0);
      } catch (Throwable t) { // includes StackOverflowError and OutOfMemoryError from the EVM
        return failed(test, entry, (engines.size() > 1 ? engine.name() + ": " : "") + "exception: " + Verdict.describe(t), 0);
      }
      if (first == null) {
        first = outcome;
      } else {
        String diff = first.firstDifference(outcome);
        if (diff != null) {
          return failed(test, entry, "divergence (" + engines.get(0).name() + " vs " + engine.name() + ") in " + diff,
              first.timeNs());
        }
      }
      if (judged == null && outcome.postState() != null) {
        judged = outcome;
      }
    }
    // The engines agree; the fixture is checked against evmjit's outcome where there is one, since
    // only it carries the post-state and names rejections as the fixtures do.
    Outcome checked = judged != null ? judged : first;
    String failure = Verdict.check(entry, checked);
    return new EntryResult(test.file(), test.name(), entry.forkName(),
        entry.indexes().data(), entry.indexes().gas(), entry.indexes().value(),
        failure == null ? Status.PASS : Status.FAIL,
        checked.stateRoot(), checked.logsHash(), checked.gasUsed(), checked.output(),
        failure != null ? failure : checked.rejection(), checked.timeNs());
  }

  private static EntryResult failed(StateTest test, PostEntry entry, String error, long timeNs) {
    return result(test, entry, Status.FAIL, error, timeNs);
  }

  private static EntryResult result(
      StateTest test, PostEntry entry, Status status, String error, long timeNs) {
    return new EntryResult(test.file(), test.name(), entry.forkName(),
        entry.indexes().data(), entry.indexes().gas(), entry.indexes().value(),
        status, null, null, 0, "", error, timeNs);
  }
}
