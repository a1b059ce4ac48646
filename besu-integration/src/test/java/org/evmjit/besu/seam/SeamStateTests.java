package org.evmjit.besu.seam;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.evmjit.evm.exec.EngineSelector;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.interpreter.Interpreter;
import org.evmjit.evm.tx.TransactionProcessor;
import org.evmjit.plugin.compiler.JitEngineSelector;
import org.evmjit.statetest.SharedPaths;
import org.evmjit.statetest.SkipList;
import org.evmjit.statetest.fixture.StateTest;
import org.evmjit.statetest.fixture.StateTestLoader;
import org.evmjit.statetest.runner.EntryResult;
import org.evmjit.statetest.runner.Executor;
import org.evmjit.statetest.runner.StateTestRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The shared Cancun GeneralStateTests with every frame compiled (threshold 0) and run through the
 * seam's protocol ({@link FrameRunner} inside {@link SeamEngine}, children started and completed
 * by evmjit's executor through {@code CallCompletion}): zero divergences from the fixtures.
 *
 * <p>CI runs a representative slice (calls, creates, reverts, return data, memory, storage, logs,
 * self-destruct, transient storage: about 2,300 entries); {@code -Devmjit.seam.full=true} runs
 * every folder (the figures are in besu-integration/README.md). One test per file.
 */
class SeamStateTests {
  private static final String ROOT = "fixtures/ethereum-tests/GeneralStateTests";
  private static final List<String> SLICE = List.of("stCallCodes", "stCreate2", "stRevertTest",
      "stReturnDataTest", "stMemoryTest", "stSStoreTest", "stExtCodeHash", "stSystemOperationsTest",
      "stInitCodeTest", "stSelfBalance", "stLogTests", "Cancun");
  private static final AtomicLong ENTRIES = new AtomicLong();

  private final JitEngineSelector jit = new JitEngineSelector();
  private final EngineSelector seam = (code, fork) ->
      new SeamEngine(jit.engineFor(code, fork), Interpreter.forFork(fork));
  private final Executor executor = (fork, state, env, tx, tracer) ->
      new TransactionProcessor(fork, seam).process(state, env, tx, tracer);
  private final StateTestRunner runner = new StateTestRunner(executor, SkipList.load(), null);
  private final StateTestLoader loader = new StateTestLoader();

  @TestFactory
  Stream<DynamicTest> cancunThroughTheSeam() throws IOException {
    Path root = SharedPaths.find(ROOT).orElse(null);
    Assumptions.assumeTrue(root != null, "shared fixtures absent: no " + ROOT + " under " + SharedPaths.candidates());
    boolean full = Boolean.getBoolean("evmjit.seam.full");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(p -> p.toString().endsWith(".json"))
          .filter(p -> full || SLICE.contains(root.relativize(p).getName(0).toString()))
          .sorted().collect(Collectors.toList());
    }
    return files.stream().map(f -> dynamicTest(root.relativize(f).toString(), f.toUri(), () -> runFile(f)));
  }

  private void runFile(Path file) {
    List<String> failures = new java.util.ArrayList<>();
    for (StateTest test : loader.load(file, file.getFileName().toString())) {
      for (var entry : test.post()) {
        if (Fork.byName(entry.forkName()).orElse(null) != Fork.CANCUN) {
          continue;
        }
        EntryResult r = runner.run(test, file.toString(), entry);
        ENTRIES.incrementAndGet();
        if (r.failed()) {
          failures.add(r.test() + " [" + r.d() + "," + r.g() + "," + r.v() + "]: " + r.error());
        }
      }
    }
    Assertions.assertTrue(failures.isEmpty(), () -> failures.size() + " divergences: " + String.join("; ", failures));
  }

  @AfterAll
  static void report() {
    System.out.println("SeamStateTests: " + ENTRIES.get() + " Cancun entries through the seam");
  }
}
