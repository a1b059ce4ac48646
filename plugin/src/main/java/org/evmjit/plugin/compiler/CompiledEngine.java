package org.evmjit.plugin.compiler;

import org.evmjit.evm.exec.ExecutionEngine;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.frame.Frame;
import org.evmjit.evm.host.Host;
import org.evmjit.evm.interpreter.Interpreter;
import org.evmjit.evm.trace.Tracer;
import org.evmjit.plugin.compiler.runtime.CompiledCode;
import org.evmjit.plugin.compiler.runtime.HiddenClassLoader;

/**
 * An {@link ExecutionEngine} backed by a loaded generated class. A traced run (tracer not null)
 * goes to the interpreter, which reports every instruction; the frame layout is shared, so a
 * frame can move between the two at any suspension point.
 */
public final class CompiledEngine implements ExecutionEngine {
  private final CompiledCode code;
  private final Interpreter interpreter;
  private final Fork fork;
  private final CompileResult.Compiled compiled;

  private CompiledEngine(CompiledCode code, Fork fork, CompileResult.Compiled compiled) {
    this.code = code;
    this.fork = fork;
    this.compiled = compiled;
    this.interpreter = Interpreter.forFork(fork);
  }

  /** Defines the class as a hidden class (unloadable once this engine is unreachable). */
  public static CompiledEngine load(CompileResult.Compiled compiled) {
    return new CompiledEngine(HiddenClassLoader.define(compiled.classBytes()), compiled.fork(), compiled);
  }

  /**
   * Defines a class this compiler generated earlier for {@code fork} (read back from a store).
   * The JVM verifies it while defining it.
   *
   * @throws LinkageError when the JVM refuses the bytes (malformed, or failing verification)
   * @throws RuntimeException when the class is not a generated class of this compiler's package
   */
  public static CompiledEngine loadStored(byte[] classBytes, Fork fork) {
    return new CompiledEngine(HiddenClassLoader.define(classBytes), fork, null);
  }

  /** The compile this engine came from; null for a class loaded with {@link #loadStored}. */
  public CompileResult.Compiled compiled() {
    return compiled;
  }

  public Fork fork() {
    return fork;
  }

  /** The generated hidden class this engine runs (for tests of its unloading). */
  Class<?> generatedClass() {
    return code.getClass();
  }

  @Override
  public int execute(Frame frame, Host host, Tracer tracer) {
    if (tracer != null) {
      return interpreter.execute(frame, host, tracer);
    }
    return code.run(frame, host);
  }
}
