package org.evmjit.plugin.runtime;

import java.util.Objects;
import org.evmjit.evm.exec.ExecutionEngine;

/** What a {@link ProgramCompiler} produced for one piece of code under one fork. */
public sealed interface Compilation {

  /**
   * A loaded program.
   *
   * @param engine runs frames of this code (typically an instance of a hidden class)
   * @param classBytes size of the generated class file(s) in bytes: what the memory budget counts
   */
  record Compiled(ExecutionEngine engine, long classBytes) implements Compilation {
    public Compiled {
      Objects.requireNonNull(engine, "engine");
      if (classBytes < 0) {
        throw new IllegalArgumentException("classBytes < 0: " + classBytes);
      }
    }
  }

  /** The compiler does not handle this code (size, a construct it does not support); final until a reset. */
  record Ineligible(String reason) implements Compilation {}

  /** The compile went wrong; the runtime retries after a backoff. {@code cause} may be null. */
  record Failed(String reason, Throwable cause) implements Compilation {}

  static Compilation compiled(ExecutionEngine engine, long classBytes) {
    return new Compiled(engine, classBytes);
  }

  static Compilation ineligible(String reason) {
    return new Ineligible(reason);
  }

  static Compilation failed(String reason, Throwable cause) {
    return new Failed(reason, cause);
  }
}
