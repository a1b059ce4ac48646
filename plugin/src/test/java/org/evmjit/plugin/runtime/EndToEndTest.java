package org.evmjit.plugin.runtime;

import static org.evmjit.plugin.runtime.TestCodes.config;
import static org.evmjit.plugin.runtime.TestCodes.quiesce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.evmjit.evm.state.WorldState;
import org.evmjit.evm.tx.ExecutionStatus;
import org.evmjit.evm.tx.Transaction;
import org.evmjit.evm.tx.TransactionResult;
import org.junit.jupiter.api.Test;

/** The runtime behind {@code TransactionProcessor}: code runs interpreted until hot, then compiled, exactly. */
class EndToEndTest {
  @Test
  void transactionsRunAsANodeWould() {
    Contracts world = new Contracts(20);
    FakeCompiler compiler = new FakeCompiler();
    try (JitRuntime rt = JitRuntime.start(config().threshold(3).build(), compiler)) {
      WorldState jit = world.pre.copy();
      WorldState ref = world.pre.copy();
      long nonce = 0;
      for (int round = 0; round < 6; round++) {
        for (int c = 0; c < 20; c += 5) { // the calling contracts 0, 5, 10, 15 and their children
          Transaction tx = world.call(c, nonce++, round * 31L + c);
          TransactionResult expected = Contracts.run(ref, null, tx);
          TransactionResult actual = Contracts.run(jit, rt.selector(), tx);
          assertEquals(ExecutionStatus.SUCCESS, expected.status());
          assertNull(Contracts.compare(expected, actual), "round " + round + " contract " + c);
        }
        quiesce(rt); // make promotion deterministic for the counts below
      }
      JitStats s = rt.stats();
      // each call: the caller's frame is looked up twice (start, resume after STATICCALL), the child once
      assertEquals(6 * 4 * 3, s.lookups().total());
      assertEquals(8, s.compilations().succeeded(), "4 callers + 4 children");
      assertTrue(s.lookups().hits() > 0);
      long compiledRuns = compiler.compiles.size();
      assertEquals(8, compiledRuns);
      assertEquals(java.util.Arrays.toString(ref.stateRoot()), java.util.Arrays.toString(jit.stateRoot()));
    }
  }
}
