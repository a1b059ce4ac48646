package org.evmjit.plugin.runtime;

import org.evmjit.evm.exec.EngineSelector;
import org.evmjit.evm.exec.ExecutionEngine;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.frame.Code;
import org.evmjit.evm.interpreter.Interpreter;

/**
 * The {@link EngineSelector} backed by a {@link JitRuntime}: {@code MessageExecutor} asks it each
 * time a frame starts or resumes after a child call; it answers with the compiled program when
 * one is resident, else with the interpreter. So code runs interpreted until it is hot and
 * compiled after, and no caller ever waits for a compile. Use
 * {@code new TransactionProcessor(fork, runtime.selector())}.
 */
public final class RuntimeEngineSelector implements EngineSelector {
  private final JitRuntime runtime;

  RuntimeEngineSelector(JitRuntime runtime) {
    this.runtime = runtime;
  }

  @Override
  public ExecutionEngine engineFor(Code code, Fork fork) {
    return runtime.lookup(code, fork).engineOr(Interpreter.forFork(fork));
  }

  /** Interpreted work counts toward hotness ({@link JitConfig#gasPerCall()}). */
  @Override
  public void ran(Code code, Fork fork, ExecutionEngine engine, long gasSpent) {
    if (engine instanceof Interpreter) {
      runtime.reportInterpreted(code, fork, gasSpent);
    }
  }
}
