package org.evmjit.statetest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.evmjit.statetest.SharedPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code state-test --default-suite} on a shared folder whose GeneralStateTests hold entries of
 * three forks (as the real one holds Cancun and newer entries): it runs the Cancun entries only,
 * and the summary line names the fork.
 */
class DefaultSuiteTest {
  @TempDir Path shared;

  @Test
  void runsTheCancunEntriesAndNamesTheFork() throws Exception {
    Path suite = Files.createDirectories(shared.resolve(DefaultSuite.SHARED_SUITE));
    Path examples = Path.of(getClass().getResource("/org/evmjit/statetest/examples/arithmetic.json").toURI()).getParent();
    Files.copy(examples.resolve("arithmetic.json"), suite.resolve("arithmetic.json")); // London, Shanghai, Cancun
    String before = System.getProperty(SharedPaths.PROPERTY);
    System.setProperty(SharedPaths.PROPERTY, shared.toString());
    try {
      CliRun r = CliRun.of("state-test", "--default-suite");
      assertEquals(0, r.status(), r.toString());
      assertEquals("1 passed, 0 failed, 0 skipped (fork Cancun)", r.lastLine(), r.toString());
      assertTrue(r.err().contains("default suite: " + suite + ", fork Cancun"), r.toString());

      CliRun london = CliRun.of("state-test", "--default-suite", "--fork", "London");
      assertEquals("1 passed, 0 failed, 0 skipped (fork London)", london.lastLine(), london.toString());
    } finally {
      if (before == null) {
        System.clearProperty(SharedPaths.PROPERTY);
      } else {
        System.setProperty(SharedPaths.PROPERTY, before);
      }
    }
  }
}
