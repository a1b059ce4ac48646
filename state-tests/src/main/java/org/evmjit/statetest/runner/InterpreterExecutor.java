package org.evmjit.statetest.runner;

import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.state.WorldState;
import org.evmjit.evm.trace.Tracer;
import org.evmjit.evm.tx.BlockEnv;
import org.evmjit.evm.tx.Transaction;
import org.evmjit.evm.tx.TransactionProcessor;
import org.evmjit.evm.tx.TransactionResult;

/** Runs transactions with the reference interpreter through {@link TransactionProcessor}. */
public final class InterpreterExecutor implements Executor {
  @Override
  public TransactionResult execute(
      Fork fork, WorldState state, BlockEnv env, Transaction tx, Tracer tracer) {
    return new TransactionProcessor(fork).process(state, env, tx, tracer);
  }
}
