package org.evmjit.statetest;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.evmjit.evm.fork.Fork;
import org.evmjit.statetest.fixture.FixtureException;
import org.evmjit.statetest.fixture.PostEntry;
import org.evmjit.statetest.fixture.StateTest;
import org.evmjit.statetest.fixture.StateTestLoader;
import org.evmjit.plugin.compiler.CompileResult;
import org.evmjit.plugin.compiler.JitEngineSelector;
import org.evmjit.statetest.runner.DifferentialExecutor;
import org.evmjit.statetest.runner.EntryResult;
import org.evmjit.statetest.runner.Executor;
import org.evmjit.statetest.runner.JitExecutor;
import org.evmjit.statetest.runner.StateTestRunner;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicNode;

/**
 * One dynamic test per selected post entry of a shared fixture folder, grouped folder / file /
 * entry. Files are loaded and entries run lazily, as JUnit walks the tree, so results are never
 * all held in memory. Skipped (with a message) when the shared folder is absent; see
 * {@link SharedPaths} for where it is looked for.
 */
abstract class SharedStateTestSuite {
  private final StateTestLoader loader = new StateTestLoader();
  private final StateTestRunner runner;
  /** The JIT side of a {@code both} suite, whose declines the suite's last test checks; else null. */
  private final JitExecutor jit;

  /**
   * Each entry on the interpreter and the JIT side by side ({@code --engine both}). A contract the
   * compiler declines runs on the interpreter there, which would compare the interpreter with
   * itself: so the suite ends with a test that fails when a contract under the compiler's size
   * cap was declined.
   */
  SharedStateTestSuite() {
    this(new JitExecutor());
  }

  private SharedStateTestSuite(JitExecutor jit) {
    this.jit = jit;
    runner = new StateTestRunner(new DifferentialExecutor(jit), SkipList.load(), null);
  }

  SharedStateTestSuite(Executor executor) {
    this.jit = null;
    runner = new StateTestRunner(executor, SkipList.load(), null);
  }

  /** The folder's dynamic tests for the entries whose fork {@code forks} accepts. */
  Stream<DynamicNode> suite(String suite, Predicate<Fork> forks) throws IOException {
    return suite(suite, forks, folder -> true);
  }

  /**
   * The dynamic tests for the entries whose fork {@code forks} accepts, in the sub-folders
   * (relative paths such as {@code stTimeConsuming}) that {@code folders} accepts.
   */
  Stream<DynamicNode> suite(String suite, Predicate<Fork> forks, Predicate<String> folders) throws IOException {
    Path root = SharedPaths.find(suite).orElse(null);
    Assumptions.assumeTrue(root != null, () -> "shared fixtures absent: no " + suite + " under any of "
        + SharedPaths.candidates() + "; set -D" + SharedPaths.PROPERTY + "=/path/to/shared");
    Map<String, List<Path>> byFolder;
    try (Stream<Path> walk = Files.walk(root)) {
      byFolder = walk.filter(p -> p.toString().endsWith(".json") && Files.isRegularFile(p))
          .sorted()
          .collect(Collectors.groupingBy(
              p -> slashes(root.relativize(p.getParent())), TreeMap::new, Collectors.toList()));
    }
    Stream<DynamicNode> entries = byFolder.entrySet().stream().filter(folder -> folders.test(folder.getKey()))
        .map(folder -> dynamicContainer(
            folder.getKey(), folder.getValue().get(0).getParent().toUri(),
            folder.getValue().stream().map(file -> dynamicContainer(
                slashes(root.relativize(file)), file.toUri(), // the full relative path keeps names unique
                Stream.of(file).flatMap(f -> entryTests(f, slashes(root.relativize(f)), forks))))));
    return jit == null ? entries : Stream.concat(entries, Stream.of(dynamicTest(
        "the compiler declined no contract under its size cap", () -> checkDeclines(suite))));
  }

  /** Run after every entry of the suite: JVM_LIMITS declines are contracts the JIT never ran. */
  private void checkDeclines(String suite) {
    JitEngineSelector engines = jit.engines();
    System.out.printf("%s: %,d codes compiled; declined: %,d empty, %,d over the size cap, %,d over a JVM limit%n",
        suite, engines.compiledCount(), engines.declinedCount(CompileResult.Reason.EMPTY_CODE),
        engines.declinedCount(CompileResult.Reason.OVER_SIZE_CAP), engines.declinedCount(CompileResult.Reason.JVM_LIMITS));
    Assertions.assertEquals(0, engines.declinedCount(CompileResult.Reason.JVM_LIMITS),
        () -> "contracts under the size cap ran on the interpreter on both sides: " + engines.jvmLimitDeclines());
  }

  /** The file's selected entries as tests; loaded only when JUnit reaches the file. */
  private Stream<DynamicNode> entryTests(Path file, String displayName, Predicate<Fork> forks) {
    StateTestLoader.Loaded loaded;
    try {
      loaded = loader.loadEach(file, displayName);
    } catch (FixtureException e) {
      return Stream.of(dynamicTest("load", file.toUri(), () -> Assertions.fail(e.getMessage())));
    }
    String skipPath = file.toAbsolutePath().normalize().toString();
    Stream<DynamicNode> malformed = loaded.failures().stream()
        .map(e -> dynamicTest("load", file.toUri(), () -> Assertions.fail(e.getMessage())));
    return Stream.concat(malformed, loaded.tests().stream().flatMap(test -> test.post().stream()
        .filter(entry -> Fork.byName(entry.forkName()).map(forks::test).orElse(false))
        .map(entry -> dynamicTest(name(test, entry), file.toUri(), () -> check(test, entry, skipPath)))));
  }

  private void check(StateTest test, PostEntry entry, String skipPath) {
    EntryResult r = runner.run(test, skipPath, entry);
    Assumptions.assumeFalse(r.skipped(), r::error);
    if (!r.pass()) {
      Assertions.fail(r.where() + ": " + r.error());
    }
  }

  private static String name(StateTest test, PostEntry entry) {
    return test.name() + " " + entry.forkName() + " [" + entry.indexes() + "]";
  }

  private static String slashes(Path p) {
    String s = p.toString().replace('\\', '/');
    return s.isEmpty() ? "." : s;
  }
}
