package org.evmjit.plugin.compiler;

import org.evmjit.evm.fork.Fork;

/**
 * What {@link EvmCompiler#compile} decided: a class, or to run the code on the interpreter with a
 * stated reason.
 */
public sealed interface CompileResult {

  /** Nanoseconds the decision took (analysis and generation). */
  long compileNanos();

  /**
   * A generated class. Its bytes are deterministic for the same code, fork, options and
   * {@link EvmCompiler#VERSION}, so they can be stored and compared.
   *
   * @param className binary name of the class (hidden classes get a suffix when defined)
   * @param blocks basic blocks compiled
   * @param methods chunk methods the blocks were packed into
   * @param largestMethod bytes of bytecode of the largest method
   */
  record Compiled(String className, byte[] classBytes, Fork fork, long compileNanos, int blocks,
      int methods, int largestMethod) implements CompileResult {
    public int classSize() {
      return classBytes.length;
    }
  }

  /** Why this code runs on the interpreter. */
  enum Reason {
    EMPTY_CODE("empty code"),
    OVER_SIZE_CAP("code over the compiler's size cap"),
    JVM_LIMITS("generated code over a JVM limit");

    private final String text;

    Reason(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }
  }

  /** Not compiled: run on the interpreter. */
  record Interpret(Reason reason, String detail, long compileNanos) implements CompileResult {
    @Override
    public String toString() {
      return "interpret: " + reason.text() + (detail == null ? "" : " (" + detail + ")");
    }
  }
}
