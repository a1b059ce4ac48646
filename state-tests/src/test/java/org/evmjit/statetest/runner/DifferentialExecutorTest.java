package org.evmjit.statetest.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.evmjit.evm.state.WorldState;
import org.evmjit.evm.tx.ExecutionStatus;
import org.evmjit.evm.tx.TransactionResult;
import org.evmjit.evm.word.Address;
import org.evmjit.evm.word.Word;
import org.junit.jupiter.api.Test;

class DifferentialExecutorTest {
  private static TransactionResult result(ExecutionStatus s, long gas, byte[] out) {
    return new TransactionResult(null, s, gas, out, List.of(), null);
  }

  @Test
  void namesTheFirstDifferingField() {
    WorldState a = new WorldState(), b = new WorldState();
    TransactionResult ok = result(ExecutionStatus.SUCCESS, 100, new byte[] {1});
    assertNull(DifferentialExecutor.firstDifference(ok, ok, a, b));
    assertTrue(DifferentialExecutor.firstDifference(ok, result(ExecutionStatus.REVERT, 100, new byte[] {1}), a, b)
        .startsWith("status"));
    assertTrue(DifferentialExecutor.firstDifference(ok, result(ExecutionStatus.SUCCESS, 101, new byte[] {1}), a, b)
        .startsWith("gas used: 100 vs 101"));
    assertTrue(DifferentialExecutor.firstDifference(ok, result(ExecutionStatus.SUCCESS, 100, new byte[] {2}), a, b)
        .startsWith("output"));
    b.putAccount(Address.fromHex("0x0000000000000000000000000000000000000001"), 1, Word.ONE, null, java.util.Map.of());
    assertTrue(DifferentialExecutor.firstDifference(ok, ok, a, b).startsWith("state root"));
    TransactionResult invalid = TransactionResult.invalid("TransactionException.INTRINSIC_GAS_TOO_LOW");
    assertEquals("validity: null vs TransactionException.INTRINSIC_GAS_TOO_LOW",
        DifferentialExecutor.firstDifference(ok, invalid, a, a));
  }
}
