package org.evmjit.statetest.runner;

import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.state.WorldState;
import org.evmjit.evm.trace.Tracer;
import org.evmjit.evm.tx.BlockEnv;
import org.evmjit.evm.tx.Transaction;
import org.evmjit.evm.tx.TransactionProcessor;
import org.evmjit.evm.tx.TransactionResult;
import org.evmjit.plugin.runtime.CompilerProvider;
import org.evmjit.plugin.runtime.JitConfig;
import org.evmjit.plugin.runtime.JitRuntime;

/**
 * Runs transactions "as a node would": every frame asks a {@link JitRuntime} for its engine, so
 * code runs on the interpreter until it is hot and compiled after, without ever waiting. One
 * runtime serves every thread of a run; {@link #close()} shuts it down.
 */
public final class RuntimeExecutor implements Executor, AutoCloseable {
  private final JitRuntime runtime;

  public RuntimeExecutor(JitRuntime runtime) {
    this.runtime = runtime;
  }

  /** Default configuration and the highest-priority compiler on the class path. */
  public static RuntimeExecutor withDefaults() {
    CompilerProvider provider = CompilerProvider.find(null)
        .orElseThrow(() -> new IllegalStateException("no CompilerProvider on the class path"));
    return new RuntimeExecutor(JitRuntime.start(JitConfig.defaults(), provider));
  }

  public JitRuntime runtime() {
    return runtime;
  }

  @Override
  public TransactionResult execute(Fork fork, WorldState state, BlockEnv env, Transaction tx, Tracer tracer) {
    return new TransactionProcessor(fork, runtime.selector()).process(state, env, tx, tracer);
  }

  @Override
  public void close() {
    runtime.close();
  }
}
