package org.evmjit.plugin.compiler.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.Consumer;
import org.evmjit.evm.exec.EngineSelector;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.testing.Bytecode;
import org.evmjit.evm.testing.Engines;
import org.evmjit.evm.testing.EvmHarness;
import org.evmjit.evm.tx.LogsHash;
import org.evmjit.evm.tx.TransactionResult;

/**
 * Runs one program on the interpreter, the JIT and the array-mode JIT and asserts they agree on
 * everything observable: status, gas used, output, logs and the state root.
 */
public final class Differential {
  private Differential() {}

  /** Runs and compares; returns the interpreter's result for further assertions. */
  public static TransactionResult agree(Fork fork, Bytecode code, Consumer<EvmHarness> setup) {
    EvmHarness ref = new EvmHarness(fork, Engines.INTERPRETER);
    setup.accept(ref);
    TransactionResult expected = ref.run(code);
    byte[] root = ref.state().stateRoot();
    for (EngineSelector jit : new EngineSelector[] {JitEngines.JIT, JitEngines.JIT_ARRAY}) {
      EvmHarness h = new EvmHarness(fork, jit);
      setup.accept(h);
      TransactionResult actual = h.run(code);
      String what = (jit == JitEngines.JIT ? "jit" : "jit-array") + " on " + code.hex();
      assertEquals(expected.status(), actual.status(), () -> what + ": status (" + actual.haltReason() + ")");
      assertEquals(expected.gasUsed(), actual.gasUsed(), () -> what + ": gas used");
      assertArrayEquals(expected.output(), actual.output(), () -> what + ": output");
      assertArrayEquals(LogsHash.of(expected.logs()), LogsHash.of(actual.logs()), () -> what + ": logs");
      assertArrayEquals(root, h.state().stateRoot(), () -> what + ": state root");
    }
    return expected;
  }

  public static TransactionResult agree(Bytecode code) {
    return agree(Fork.CANCUN, code, h -> {});
  }

  public static TransactionResult agree(Bytecode code, long gasLimit) {
    return agree(Fork.CANCUN, code, h -> h.gasLimit(gasLimit));
  }
}
