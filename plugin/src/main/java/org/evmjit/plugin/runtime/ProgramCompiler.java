package org.evmjit.plugin.runtime;

import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.frame.Code;

/**
 * The seam between the runtime and a compiler of EVM code. The runtime calls it on its worker
 * threads, possibly several at once, so implementations must be thread-safe. It never calls it
 * on a thread that executes EVM code.
 *
 * <p>A compile may take as long as it needs, but the runtime stops waiting for it after
 * {@link JitConfig#compileTimeout()}: the worker is interrupted, the result (if one ever comes)
 * is dropped and the code is remembered as failed. Exceptions thrown by {@link #compile} are
 * failures too.
 */
@FunctionalInterface
public interface ProgramCompiler {
  /**
   * Compiles {@code code} for {@code fork}: {@link Compilation.Compiled} with a loaded program
   * that runs it exactly as the interpreter would, {@link Compilation.Ineligible} when this
   * compiler does not handle the code (deterministically: it is not asked again until a
   * reset), or {@link Compilation.Failed}.
   */
  Compilation compile(Code code, Fork fork);
}
