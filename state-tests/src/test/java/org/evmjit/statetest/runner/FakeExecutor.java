package org.evmjit.statetest.runner;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.state.WorldState;
import org.evmjit.evm.trace.Tracer;
import org.evmjit.evm.tx.BlockEnv;
import org.evmjit.evm.tx.ExecutionStatus;
import org.evmjit.evm.tx.Log;
import org.evmjit.evm.tx.Transaction;
import org.evmjit.evm.tx.TransactionResult;
import org.evmjit.statetest.FixtureJson;
import org.evmjit.statetest.fixture.Hex;

/**
 * An executor for tests: the result and state root come from functions of the transaction; the
 * logs hash is always the empty-list hash.
 */
public final class FakeExecutor implements Executor {
  public record Call(Fork fork, BlockEnv env, Transaction tx, boolean traced) {}

  private final Function<Transaction, TransactionResult> result;
  private final Function<Transaction, byte[]> root;
  public final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
  private final ThreadLocal<Transaction> last = new ThreadLocal<>();

  public FakeExecutor(Function<Transaction, TransactionResult> result, Function<Transaction, byte[]> root) {
    this.result = result;
    this.root = root;
  }

  /** Every transaction succeeds, using 21000 gas, and yields state root {@code root}. */
  public static FakeExecutor succeeding(String root) {
    return new FakeExecutor(tx -> ok(21000), tx -> Hex.bytes(root));
  }

  public static TransactionResult ok(long gas) {
    return new TransactionResult(null, ExecutionStatus.SUCCESS, gas, new byte[] {(byte) 0xab}, List.of(), null);
  }

  @Override
  public TransactionResult execute(Fork fork, WorldState state, BlockEnv env, Transaction tx, Tracer tracer) {
    calls.add(new Call(fork, env, tx, tracer != null));
    last.set(tx);
    if (tracer != null) {
      tracer.onInstruction(0, 0x60, 100, 3, 0, new long[0], 0, new byte[0], 1, 0);
      tracer.onTransactionEnd(new byte[0], 21000, null);
    }
    return result.apply(tx);
  }

  @Override
  public byte[] stateRoot(WorldState state) {
    return root.apply(last.get());
  }

  @Override
  public byte[] logsHash(List<Log> logs) {
    return Hex.bytes(FixtureJson.EMPTY_LOGS);
  }
}
