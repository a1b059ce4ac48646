package org.evmjit.statetest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.evmjit.statetest.fixture.FixtureException;
import org.evmjit.statetest.fixture.PostEntry;
import org.evmjit.statetest.fixture.StateTest;
import org.evmjit.statetest.fixture.StateTestLoader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every shared fixture file loads without a {@link FixtureException} and every post entry builds
 * a transaction (no EVM involved). Skipped when the shared folder is absent.
 */
class FixtureCorpusTest {
  @ParameterizedTest
  @ValueSource(strings = {
    "fixtures/ethereum-tests/GeneralStateTests",
    "fixtures/legacytests/Cancun/GeneralStateTests",
    "fixtures/legacytests/Constantinople/GeneralStateTests",
    "fixtures/eest/state_tests",
    "benchmarks"
  })
  void everyFileLoads(String suite) throws IOException {
    Path root = SharedPaths.find(suite).orElse(null);
    Assumptions.assumeTrue(root != null, () -> "shared data absent: no " + suite + " under any of "
        + SharedPaths.candidates());
    StateTestLoader loader = new StateTestLoader();
    List<String> failures = new ArrayList<>();
    long start = System.nanoTime();
    int files = 0;
    int entries = 0;
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path f : walk.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        files++;
        try {
          for (StateTest t : loader.load(f, root.relativize(f).toString())) {
            for (PostEntry e : t.post()) {
              t.transaction().build(e.indexes());
              entries++;
            }
          }
        } catch (FixtureException e) {
          failures.add(e.getMessage());
        }
      }
    }
    System.out.printf("%s: %d files, %d post entries loaded in %.1f s, %d failures%n",
        suite, files, entries, (System.nanoTime() - start) / 1e9, failures.size());
    assertEquals(List.of(), failures);
  }
}
