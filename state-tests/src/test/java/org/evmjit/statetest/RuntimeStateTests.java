package org.evmjit.statetest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.stream.Stream;
import org.evmjit.evm.fork.Fork;
import org.evmjit.plugin.runtime.JitConfig;
import org.evmjit.plugin.runtime.JitRuntime;
import org.evmjit.plugin.runtime.JitStats;
import org.evmjit.plugin.runtime.CompilerProvider;
import org.evmjit.statetest.runner.RuntimeExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Cancun entries of a representative subset of GeneralStateTests (calls, creates, reverts,
 * return data, memory, storage, logs, self-destruct; about 2,100 entries) on the JIT runtime
 * with the real (asm) compiler, threshold 0 (everything compiled on first sight, in the
 * background) and a 256 KiB budget, so that code is evicted and compiled again all along. This
 * checks that the runtime (selection per frame, nesting of compiled and interpreted frames,
 * eviction during execution) and its compiled code never change a result. The full suite with
 * thresholds 0, 1 and 1000 is in the module README.
 */
class RuntimeStateTests extends SharedStateTestSuite {
  private static final String ROOT = "fixtures/ethereum-tests/GeneralStateTests/";
  private static final String[] FOLDERS = {
    "stCallCodes", "stCreate2", "stRevertTest", "stReturnDataTest", "stMemoryTest", "stSStoreTest",
    "stExtCodeHash", "stSystemOperationsTest", "stInitCodeTest", "stSelfBalance", "stLogTests"
  };
  private static final JitRuntime RUNTIME = JitRuntime.start(
      JitConfig.builder().threshold(0).budgetBytes(256 * 1024).workers(1).idleEviction(Duration.ofSeconds(2)).build(),
      CompilerProvider.find("asm").orElseThrow());

  RuntimeStateTests() {
    super(new RuntimeExecutor(RUNTIME));
  }

  @TestFactory
  Stream<DynamicNode> cancunSubsetOnTheRuntime() {
    return Stream.of(FOLDERS).flatMap(folder -> {
      try {
        return suite(ROOT + folder, fork -> fork == Fork.CANCUN);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  @AfterAll
  static void codeWasCompiledAndEvicted() {
    JitStats s = RUNTIME.stats();
    RUNTIME.close();
    if (s.lookups().total() == 0) {
      return; // shared fixtures absent: everything was skipped
    }
    System.out.println("RuntimeStateTests: " + s.lookups().total() + " lookups, " + s.lookups().hits() + " hits, "
        + s.compilations().succeeded() + " compiles, " + s.compilations().ineligible() + " declined, "
        + s.evictions().lru() + " LRU evictions");
    assertEquals("asm", s.compiler());
    assertTrue(s.lookups().hits() > 0, "compiled code ran");
    assertTrue(s.evictions().lru() > 0, "the budget made code leave");
    assertTrue(s.resident().bytes() <= s.budgetBytes());
    assertEquals(0, s.compilations().failed());
  }
}
