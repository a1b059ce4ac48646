package org.evmjit.evm.tx;

import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.state.WorldState;
import org.evmjit.evm.trace.Tracer;

/** Validates and executes one transaction against a world state, under one fork's rules. */
public final class TransactionProcessor {
  private final Fork fork;

  public TransactionProcessor(Fork fork) {
    this.fork = fork;
  }

  public Fork fork() {
    return fork;
  }

  /**
   * Runs {@code tx} in block {@code env}, mutating {@code state}. An invalid transaction leaves
   * {@code state} untouched and returns {@link TransactionResult#invalid}.
   *
   * @param tracer null for no trace
   */
  public TransactionResult process(WorldState state, BlockEnv env, Transaction tx, Tracer tracer) {
    throw new UnsupportedOperationException("not yet");
  }
}
