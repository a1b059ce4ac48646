package org.evmjit.plugin.runtime.stub;

import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.frame.Code;
import org.evmjit.evm.interpreter.Interpreter;
import org.evmjit.plugin.runtime.Compilation;
import org.evmjit.plugin.runtime.ProgramCompiler;

/**
 * A stand-in compiler until the real one is wired: "compiles" code to the interpreter itself, so
 * everything the runtime does (hotness, workers, budget, eviction) can be exercised end to end
 * while results stay exact. The reported class size is an estimate of what a bytecode compiler
 * would produce ({@value #BYTES_PER_CODE_BYTE} bytes of class per byte of EVM code plus
 * {@value #CLASS_OVERHEAD} bytes), so the memory budget behaves plausibly. Nothing is generated
 * or loaded, and steady-state speed is the interpreter's.
 */
public final class InterpreterStubCompiler implements ProgramCompiler {
  public static final int BYTES_PER_CODE_BYTE = 8;
  public static final int CLASS_OVERHEAD = 2048;

  @Override
  public Compilation compile(Code code, Fork fork) {
    return Compilation.compiled(Interpreter.forFork(fork), estimatedClassBytes(code));
  }

  public static long estimatedClassBytes(Code code) {
    return (long) code.size() * BYTES_PER_CODE_BYTE + CLASS_OVERHEAD;
  }
}
