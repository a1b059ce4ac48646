package org.evmjit.statetest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.evmjit.statetest.SkipList;
import org.evmjit.statetest.runner.EntryResult;
import org.evmjit.statetest.runner.FileRunner;
import org.evmjit.statetest.runner.FixtureFile;
import org.evmjit.statetest.runner.InterpreterExecutor;
import org.evmjit.statetest.runner.Selection;
import org.evmjit.statetest.runner.StateTestRunner;
import org.junit.jupiter.api.Test;

/**
 * The examples {@code state-test --default-suite} falls back to without {@code ../shared}: they
 * unpack and pass. They were filled by this interpreter, so this guards against regressions and
 * broken packaging; it proves nothing about correctness (the ethereum/tests suites do that).
 */
class BundledExamplesTest {
  @Test
  void bundledExamplesUnpackAndPass() throws IOException {
    Path dir = DefaultSuite.extractExamples();
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertTrue(files.size() >= 7, "examples unpacked: " + files);
    FileRunner runner = new FileRunner(
        new StateTestRunner(new InterpreterExecutor(), SkipList.empty(), null), Selection.ALL);
    int entries = 0;
    for (Path f : files) {
      for (EntryResult r : runner.run(new FixtureFile(f, f.getFileName().toString()))) {
        assertTrue(r.pass(), r.file() + " " + r.test() + " " + r.fork() + ": " + r.error());
        entries++;
      }
    }
    assertEquals(15, entries);
  }
}
