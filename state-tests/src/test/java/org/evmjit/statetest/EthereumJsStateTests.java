package org.evmjit.statetest;

import java.io.IOException;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.evmjit.evm.fork.Fork;
import org.evmjit.statetest.ethjs.EthereumJsEngine;
import org.evmjit.statetest.ethjs.NodeSetup;
import org.evmjit.statetest.runner.Engine;
import org.evmjit.statetest.runner.EntryEngine;
import org.evmjit.statetest.runner.ExecutorEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * ethereumjs beside evmjit in CI: a slice of every shared suite (the smallest file of every folder,
 * at most {@value #ENTRIES_PER_FORK} entries of each fork in it) runs on ethereumjs, the
 * interpreter and the JIT; every entry must match the fixture and the three must agree (state
 * root, logs hash, gas used, output, status, validity). The slice covers every fork from Frontier
 * to Osaka and every folder (EIP folders included) of the Cancun GeneralStateTests, both
 * legacytests folders and the EEST Prague/Osaka release, without the two performance folders
 * (minutes of CPU per entry).
 * Skipped, with the reason, when Node or the engine's packages are missing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EthereumJsStateTests {
  static final int ENTRIES_PER_FORK = 2;
  private static final long TIME_LIMIT_MS = 30_000;
  private static final SharedStateTestSuite.Slice SLICE = new SharedStateTestSuite.Slice(1, ENTRIES_PER_FORK);
  private static final Predicate<String> NOT_PERFORMANCE =
      folder -> !folder.equals("stTimeConsuming") && !folder.equals("VMTests/vmPerformance");

  private final NodeSetup setup = NodeSetup.find();
  private EthereumJsEngine ethereumjs;

  private EthereumJsEngine ethereumjs() {
    Assumptions.assumeTrue(setup.available(), setup::problem);
    if (ethereumjs == null) {
      ethereumjs = new EthereumJsEngine(setup, TIME_LIMIT_MS);
    }
    return ethereumjs;
  }

  private SharedStateTestSuite besideEvmjit() {
    List<EntryEngine> engines = List.of(ethereumjs(),
        new ExecutorEngine("interpreter", Engine.INTERPRETER.newExecutor()),
        new ExecutorEngine("jit", Engine.JIT.newExecutor()));
    return new SharedStateTestSuite(engines) {};
  }

  @AfterAll
  void stopNode() {
    if (ethereumjs != null) {
      ethereumjs.close();
    }
  }

  @TestFactory
  Stream<DynamicNode> cancunGeneralStateTests() throws IOException {
    return besideEvmjit().suite("fixtures/ethereum-tests/GeneralStateTests", fork -> true, NOT_PERFORMANCE, SLICE);
  }

  @TestFactory
  Stream<DynamicNode> legacyFrontierToPetersburg() throws IOException {
    return besideEvmjit().suite("fixtures/legacytests/Constantinople/GeneralStateTests", fork -> true, NOT_PERFORMANCE, SLICE);
  }

  @TestFactory
  Stream<DynamicNode> legacyIstanbulToCancun() throws IOException {
    return besideEvmjit().suite("fixtures/legacytests/Cancun/GeneralStateTests", fork -> true, NOT_PERFORMANCE, SLICE);
  }

  @TestFactory
  Stream<DynamicNode> eestPragueOsaka() throws IOException {
    return besideEvmjit().suite("fixtures/eest/state_tests", fork -> fork.isAtLeast(Fork.PRAGUE), folder -> true, SLICE);
  }
}
