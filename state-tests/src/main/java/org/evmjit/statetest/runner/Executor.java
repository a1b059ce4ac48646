package org.evmjit.statetest.runner;

import java.util.List;
import java.util.Optional;
import org.evmjit.evm.frame.Code;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.state.WorldState;
import org.evmjit.evm.trace.Tracer;
import org.evmjit.evm.tx.BlockEnv;
import org.evmjit.evm.tx.Log;
import org.evmjit.evm.tx.LogsHash;
import org.evmjit.evm.tx.Transaction;
import org.evmjit.evm.tx.TransactionResult;

/**
 * Runs one transaction for the state-test runner and the benchmark. An {@link Engine} makes one;
 * tests substitute fakes.
 */
public interface Executor {
  /** Runs {@code tx} on {@code state} (mutating it) under {@code fork}; {@code tracer} may be null. */
  TransactionResult execute(Fork fork, WorldState state, BlockEnv env, Transaction tx, Tracer tracer);

  /** The state root after {@link #execute}. */
  default byte[] stateRoot(WorldState state) {
    return state.stateRoot();
  }

  /** Compile time and class size of {@code code} for engines that compile; empty for the interpreter. */
  default Optional<CompileInfo> compileInfo(Code code, Fork fork) {
    return Optional.empty();
  }

  /**
   * @param compileNanos time to compile (analysis and class generation, not loading)
   * @param classBytes size of the generated class, 0 when not compiled
   * @param declined why the code is not compiled, or null
   */
  record CompileInfo(long compileNanos, int classBytes, String declined) {}

  /** The fixtures' {@code logs} hash of a transaction's logs. */
  default byte[] logsHash(List<Log> logs) {
    return LogsHash.of(logs);
  }
}
