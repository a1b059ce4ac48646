package org.evmjit.plugin.runtime.asm;

import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.frame.Code;
import org.evmjit.plugin.compiler.CompileResult;
import org.evmjit.plugin.compiler.CompiledEngine;
import org.evmjit.plugin.compiler.EvmCompiler;
import org.evmjit.plugin.runtime.Compilation;
import org.evmjit.plugin.runtime.ProgramCompiler;

/**
 * The runtime's seam onto the real compiler: {@link EvmCompiler} generates the class,
 * {@link CompiledEngine#load} defines it as a hidden class; the class size counts against the
 * runtime's memory budget, and the class file goes with the result so the runtime can store it.
 * Code the compiler leaves to the interpreter is ineligible.
 */
public final class AsmProgramCompiler implements ProgramCompiler {
  private final EvmCompiler compiler = new EvmCompiler();

  @Override
  public Compilation compile(Code code, Fork fork) {
    CompileResult result = compiler.compile(code.bytes(), fork);
    if (result instanceof CompileResult.Compiled compiled) {
      return Compilation.compiled(CompiledEngine.load(compiled), compiled.className(), compiled.classBytes());
    }
    return Compilation.ineligible(result.toString());
  }
}
