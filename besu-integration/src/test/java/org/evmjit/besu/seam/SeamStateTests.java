package org.evmjit.besu.seam;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
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
 * Shared state tests with every frame compiled (threshold 0) and run through the seam's protocol
 * ({@link FrameRunner} inside {@link SeamEngine}, children started and completed by evmjit's
 * executor through {@code CallCompletion}): zero divergences from the fixtures. Two suites: the
 * Cancun entries of the GeneralStateTests, and the Prague and Osaka entries of the EEST release.
 * In both, every call handed to the node also checks {@link ChildCode} (EIP-7702 delegations)
 * against the code the executor runs ({@link ChildCodeCheck}); the second fails if no call into a
 * delegated account was checked.
 *
 * <p>CI runs a representative slice of each: Cancun, calls, creates, reverts, return data, memory,
 * storage, logs, self-destruct, transient storage (about 2,300 entries); Prague and Osaka, every
 * EIP-7702 test and a slice of the rest ({@link #EEST_SLICE}). {@code -Devmjit.seam.full=true}
 * runs every folder of both (the figures are in besu-integration/README.md). One test per file.
 * Skipped with a message when the shared fixtures are absent.
 */
class SeamStateTests {
  private static final String GENERAL = "fixtures/ethereum-tests/GeneralStateTests";
  private static final List<String> CANCUN_SLICE = List.of("stCallCodes", "stCreate2", "stRevertTest",
      "stReturnDataTest", "stMemoryTest", "stSStoreTest", "stExtCodeHash", "stSystemOperationsTest",
      "stInitCodeTest", "stSelfBalance", "stLogTests", "Cancun");
  private static final String EEST = "fixtures/eest/state_tests";
  /**
   * Prague and Osaka in CI (about 5,800 of the 16,741 entries): every EIP-7702 test (delegated
   * calls, their gas and warming, EXTCODE* of designators, delegated transactions); the other new
   * EIPs (BLS12-381, P256VERIFY and MODEXP precompiles called from compiled code, CLZ, the
   * calldata floor); and the older call, create, revert, return-data, self-destruct and MCOPY
   * tests as these forks run them. Left to the full run: the slow folders ({@code stStaticCall},
   * {@code eip1153_tstore}, {@code eip4844_blobs}: about 60 % of its time) and the rest.
   */
  private static final List<String> EEST_SLICE = List.of("prague/eip7702_set_code_tx",
      "prague/eip2537_bls_12_381_precompiles", "prague/eip7623_increase_calldata_cost",
      "osaka/eip7939_count_leading_zeros", "osaka/eip7951_p256verify_precompiles",
      "osaka/eip7883_modexp_gas_increase", "cancun/eip6780_selfdestruct", "cancun/eip5656_mcopy",
      "frontier/opcodes", "static/state_tests/stCallDelegateCodesCallCodeHomestead",
      "static/state_tests/stCallDelegateCodesHomestead", "static/state_tests/stDelegatecallTestHomestead",
      "static/state_tests/stCallCreateCallCodeTest", "static/state_tests/stStaticFlagEnabled",
      "static/state_tests/stCreate2", "static/state_tests/stRevertTest", "static/state_tests/stReturnDataTest",
      "static/state_tests/stExtCodeHash", "static/state_tests/stSystemOperationsTest");
  private static final Map<Fork, AtomicLong> ENTRIES = new ConcurrentHashMap<>();

  private final JitEngineSelector jit = new JitEngineSelector();
  private final ChildCodeCheck childCode = new ChildCodeCheck();
  private final EngineSelector seam = (code, fork) ->
      new SeamEngine(jit.engineFor(code, fork), Interpreter.forFork(fork), childCode);
  private final Executor executor = (fork, state, env, tx, tracer) ->
      new TransactionProcessor(fork, seam).process(state, env, tx, tracer);
  private final StateTestRunner runner = new StateTestRunner(executor, SkipList.load(), null);
  private final StateTestLoader loader = new StateTestLoader();

  @TestFactory
  Stream<DynamicTest> cancunThroughTheSeam() throws IOException {
    Path root = root(GENERAL);
    return files(root, CANCUN_SLICE).stream()
        .map(f -> dynamicTest(root.relativize(f).toString(), f.toUri(), () -> runFile(f, Set.of(Fork.CANCUN))));
  }

  @TestFactory
  Stream<DynamicTest> pragueAndOsakaThroughTheSeam() throws IOException {
    Path root = root(EEST);
    Stream<DynamicTest> files = files(root, EEST_SLICE).stream().map(f ->
        dynamicTest(root.relativize(f).toString(), f.toUri(), () -> runFile(f, Set.of(Fork.PRAGUE, Fork.OSAKA))));
    // Without a call into a delegated account the check of ChildCode would have checked nothing.
    return Stream.concat(files, Stream.of(dynamicTest("calls into delegated accounts were checked", () -> {
      System.out.println("SeamStateTests: ChildCode checked on " + childCode.calls() + " calls, "
          + childCode.delegated() + " into delegated accounts");
      Assertions.assertTrue(childCode.delegated() > 0, "no call into a delegated account was checked");
    })));
  }

  private static Path root(String suite) {
    Path root = SharedPaths.find(suite).orElse(null);
    Assumptions.assumeTrue(root != null, "shared fixtures absent: no " + suite + " under " + SharedPaths.candidates());
    return root;
  }

  /** The fixture files under {@code root}: all with {@code -Devmjit.seam.full=true}, else those under {@code slice}. */
  private static List<Path> files(Path root, List<String> slice) throws IOException {
    boolean full = Boolean.getBoolean("evmjit.seam.full");
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.toString().endsWith(".json"))
          .filter(p -> full || slice.stream().anyMatch(folder -> root.relativize(p).startsWith(folder)))
          .sorted().collect(Collectors.toList());
    }
  }

  private void runFile(Path file, Set<Fork> forks) {
    List<String> failures = new java.util.ArrayList<>();
    for (StateTest test : loader.load(file, file.getFileName().toString())) {
      for (var entry : test.post()) {
        Fork fork = Fork.byName(entry.forkName()).orElse(null);
        if (fork == null || !forks.contains(fork)) { // Set.of(...).contains(null) would throw
          continue;
        }
        EntryResult r = runner.run(test, file.toString(), entry);
        ENTRIES.computeIfAbsent(fork, f -> new AtomicLong()).incrementAndGet();
        String where = r.test() + " " + entry.forkName() + " [" + r.d() + "," + r.g() + "," + r.v() + "]: ";
        if (r.failed()) {
          failures.add(where + r.error());
        }
        childCode.takeMismatches().forEach(m -> failures.add(where + m));
      }
    }
    Assertions.assertTrue(failures.isEmpty(), () -> failures.size() + " divergences: " + String.join("; ", failures));
  }

  @AfterAll
  static void report() {
    System.out.println("SeamStateTests: entries through the seam " + new TreeMap<>(ENTRIES));
  }
}
