package org.evmjit.plugin.runtime.stub;

import org.evmjit.plugin.runtime.CompilerProvider;
import org.evmjit.plugin.runtime.ProgramCompiler;

/** Registers {@link InterpreterStubCompiler} as {@code stub}, the lowest-priority compiler. */
public final class StubCompilerProvider implements CompilerProvider {
  @Override
  public String name() {
    return "stub";
  }

  @Override
  public String description() {
    return "stand-in until the real compiler is wired: 'compiles' to the interpreter (exact, interpreter speed)";
  }

  @Override
  public int priority() {
    return 0;
  }

  @Override
  public ProgramCompiler create() {
    return new InterpreterStubCompiler();
  }
}
