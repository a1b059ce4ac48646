package org.evmjit.statetest.runner;

import java.util.Optional;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.frame.Code;
import org.evmjit.evm.state.WorldState;
import org.evmjit.evm.trace.Tracer;
import org.evmjit.evm.tx.BlockEnv;
import org.evmjit.evm.tx.Transaction;
import org.evmjit.evm.tx.TransactionProcessor;
import org.evmjit.evm.tx.TransactionResult;
import org.evmjit.plugin.compiler.CompileResult;
import org.evmjit.plugin.compiler.EvmCompiler;
import org.evmjit.plugin.compiler.JitEngineSelector;

/**
 * Runs transactions with compiled code: every code is compiled the first time a frame runs it
 * (cached by code hash and fork for the executor's life); code the compiler declines runs on the
 * interpreter. Traced runs use the interpreter per frame (see {@code CompiledEngine}).
 */
public final class JitExecutor implements Executor {
  private final JitEngineSelector engines;
  private final EvmCompiler compiler;

  public JitExecutor() {
    this(new EvmCompiler());
  }

  public JitExecutor(EvmCompiler compiler) {
    this.compiler = compiler;
    this.engines = new JitEngineSelector(compiler);
  }

  @Override
  public TransactionResult execute(Fork fork, WorldState state, BlockEnv env, Transaction tx, Tracer tracer) {
    return new TransactionProcessor(fork, engines).process(state, env, tx, tracer);
  }

  @Override
  public Optional<CompileInfo> compileInfo(Code code, Fork fork) {
    CompileResult r = compiler.compile(code.bytes(), fork);
    return Optional.of(r instanceof CompileResult.Compiled c
        ? new CompileInfo(c.compileNanos(), c.classSize(), null)
        : new CompileInfo(r.compileNanos(), 0, r.toString()));
  }

  public JitEngineSelector engines() {
    return engines;
  }
}
