package org.evmjit.plugin.runtime;

import static org.evmjit.plugin.runtime.TestCodes.code;
import static org.evmjit.plugin.runtime.TestCodes.config;
import static org.evmjit.plugin.runtime.TestCodes.quiesce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.frame.Code;
import org.evmjit.evm.interpreter.Interpreter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Gas spent on the interpreter counts toward hotness ({@link JitConfig#gasPerCall()}). */
class WorkWeightTest {
  private final FakeCompiler compiler = new FakeCompiler();
  private JitRuntime rt;

  @AfterEach
  void stop() {
    if (rt != null) {
      rt.shutdown(TestCodes.WAIT);
    }
  }

  @Test
  void aHeavyInterpretedCallCountsAsManyCalls() throws Exception {
    rt = JitRuntime.start(config().threshold(1000).gasPerCall(100_000).build(), compiler);
    Code heavy = code(1);
    rt.lookup(heavy, Fork.CANCUN); // call 1
    rt.selector().ran(heavy, Fork.CANCUN, Interpreter.forFork(Fork.CANCUN), 12_000_000); // + 120
    quiesce(rt);
    assertEquals("COLD 121", rt.describe(heavy.hash(), Fork.CANCUN));
    for (int i = 0; i < 8; i++) {
      rt.lookup(heavy, Fork.CANCUN);
      rt.selector().ran(heavy, Fork.CANCUN, Interpreter.forFork(Fork.CANCUN), 12_000_000);
    }
    quiesce(rt);
    assertInstanceOf(Decision.Compiled.class, rt.lookup(heavy, Fork.CANCUN)); // 9 calls, not 1001
  }

  @Test
  void ordinaryCallsAndCompiledRunsAddNothing() throws Exception {
    rt = JitRuntime.start(config().threshold(1000).gasPerCall(100_000).build(), compiler);
    Code light = code(2);
    rt.lookup(light, Fork.CANCUN);
    rt.selector().ran(light, Fork.CANCUN, Interpreter.forFork(Fork.CANCUN), 99_999); // under one call's worth
    Code other = code(3);
    rt.lookup(other, Fork.CANCUN);
    rt.selector().ran(other, Fork.CANCUN, (frame, host, tracer) -> 0, 50_000_000); // not the interpreter
    quiesce(rt);
    assertEquals("COLD 1", rt.describe(light.hash(), Fork.CANCUN));
    assertEquals("COLD 1", rt.describe(other.hash(), Fork.CANCUN));
  }

  @Test
  void zeroGasPerCallCountsCallsOnly() throws Exception {
    rt = JitRuntime.start(config().threshold(1000).gasPerCall(0).build(), compiler);
    Code heavy = code(4);
    rt.lookup(heavy, Fork.CANCUN);
    rt.selector().ran(heavy, Fork.CANCUN, Interpreter.forFork(Fork.CANCUN), 50_000_000);
    quiesce(rt);
    assertEquals("COLD 1", rt.describe(heavy.hash(), Fork.CANCUN));
  }
}
