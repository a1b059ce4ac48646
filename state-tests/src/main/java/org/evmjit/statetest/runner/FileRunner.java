package org.evmjit.statetest.runner;

import java.util.ArrayList;
import java.util.List;
import org.evmjit.statetest.fixture.FixtureException;
import org.evmjit.statetest.fixture.StateTest;
import org.evmjit.statetest.fixture.StateTestLoader;

/**
 * Loads one fixture file and runs its selected entries, returning the results in
 * {@link ResultOrder}. A file that cannot be loaded yields one failed result naming the problem;
 * a malformed test, one failed result naming file, test and field, and the file's other tests run.
 */
public final class FileRunner {
  private final StateTestLoader loader = new StateTestLoader();
  private final StateTestRunner runner;
  private final Selection selection;

  public FileRunner(StateTestRunner runner, Selection selection) {
    this.runner = runner;
    this.selection = selection;
  }

  public List<EntryResult> run(FixtureFile file) {
    List<EntryResult> results = new ArrayList<>();
    try {
      String skipPath = file.path().toAbsolutePath().normalize().toString();
      StateTestLoader.Loaded loaded = loader.loadEach(file.path(), file.displayName());
      for (FixtureException bad : loaded.failures()) {
        results.add(EntryResult.fileFailure(file.displayName(), bad.getMessage()));
      }
      for (StateTest test : loaded.tests()) {
        results.addAll(runner.run(test, skipPath, selection));
      }
    } catch (FixtureException e) {
      return List.of(EntryResult.fileFailure(file.displayName(), e.getMessage()));
    } catch (Throwable t) {
      return List.of(EntryResult.fileFailure(file.displayName(),
          file.displayName() + ": exception: " + Verdict.describe(t)));
    }
    results.sort(ResultOrder.ORDER);
    return results;
  }
}
