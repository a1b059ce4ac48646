package org.evmjit.statetest;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.evmjit.evm.fork.Fork;
import org.evmjit.statetest.fixture.FixtureException;
import org.evmjit.statetest.fixture.PostEntry;
import org.evmjit.statetest.fixture.StateTest;
import org.evmjit.statetest.fixture.StateTestLoader;
import org.evmjit.statetest.runner.Engine;
import org.evmjit.statetest.runner.EntryResult;
import org.evmjit.statetest.runner.StateTestRunner;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * One dynamic test per {@code Cancun} post entry of the shared ethereum/tests GeneralStateTests
 * (about 20,000), grouped folder / file / entry, run with {@code --engine both} semantics: each
 * entry on the interpreter and on the JIT, failing on any divergence between them (status, gas
 * used, output, logs hash, state root) as well as on any difference from the fixture; so it
 * checks the interpreter and the JIT against the fixtures in one pass. Files are loaded and entries run lazily, as
 * JUnit walks the tree, so results are never all held in memory. Skipped (with a message) when
 * the shared folder is absent; see {@link SharedPaths} for where it is looked for.
 */
class CancunStateTests {
  private static final String SUITE = "fixtures/ethereum-tests/GeneralStateTests";

  private final StateTestLoader loader = new StateTestLoader();
  private final StateTestRunner runner =
      new StateTestRunner(Engine.BOTH.newExecutor(), SkipList.load(), null);

  @TestFactory
  Stream<DynamicNode> cancun() throws IOException {
    Path root = SharedPaths.find(SUITE).orElse(null);
    Assumptions.assumeTrue(root != null, () -> "shared fixtures absent: no " + SUITE + " under any of "
        + SharedPaths.candidates() + "; set -D" + SharedPaths.PROPERTY + "=/path/to/shared");
    Map<String, List<Path>> byFolder;
    try (Stream<Path> walk = Files.walk(root)) {
      byFolder = walk.filter(p -> p.toString().endsWith(".json") && Files.isRegularFile(p))
          .sorted()
          .collect(Collectors.groupingBy(
              p -> slashes(root.relativize(p.getParent())), TreeMap::new, Collectors.toList()));
    }
    return byFolder.entrySet().stream().map(folder -> dynamicContainer(
        folder.getKey(), folder.getValue().get(0).getParent().toUri(),
        folder.getValue().stream().map(file -> dynamicContainer(
            slashes(root.relativize(file)), file.toUri(), // the full relative path keeps names unique
            Stream.of(file).flatMap(f -> entryTests(f, slashes(root.relativize(f))))))));
  }

  /** The file's Cancun entries as tests; loaded only when JUnit reaches the file. */
  private Stream<DynamicNode> entryTests(Path file, String displayName) {
    List<StateTest> tests;
    try {
      tests = loader.load(file, displayName);
    } catch (FixtureException e) {
      return Stream.of(dynamicTest("load", file.toUri(), () -> Assertions.fail(e.getMessage())));
    }
    String skipPath = file.toAbsolutePath().normalize().toString();
    return tests.stream().flatMap(test -> test.post().stream()
        .filter(entry -> Fork.byName(entry.forkName()).orElse(null) == Fork.CANCUN)
        .map(entry -> dynamicTest(name(test, entry), file.toUri(), () -> check(test, entry, skipPath))));
  }

  private void check(StateTest test, PostEntry entry, String skipPath) {
    EntryResult r = runner.run(test, skipPath, entry);
    Assumptions.assumeFalse(r.skipped(), r::error);
    if (!r.pass()) {
      Assertions.fail(r.where() + ": " + r.error());
    }
  }

  private static String name(StateTest test, PostEntry entry) {
    return test.name() + " [" + entry.indexes() + "]";
  }

  private static String slashes(Path p) {
    String s = p.toString().replace('\\', '/');
    return s.isEmpty() ? "." : s;
  }
}
