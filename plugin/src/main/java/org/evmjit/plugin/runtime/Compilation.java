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
   * @param className binary name of the generated class, or null for a compiler that generates
   *     none (the {@code stub})
   * @param classFile the generated class file, what an artifact store keeps (not copied: nobody
   *     may change it); null exactly when {@code className} is
   */
  record Compiled(ExecutionEngine engine, long classBytes, String className, byte[] classFile) implements Compilation {
    public Compiled {
      Objects.requireNonNull(engine, "engine");
      if (classBytes < 0) {
        throw new IllegalArgumentException("classBytes < 0: " + classBytes);
      }
      if ((className == null) != (classFile == null)) {
        throw new IllegalArgumentException("className and classFile come together");
      }
    }

    /** A program without a class file to store. */
    public Compiled(ExecutionEngine engine, long classBytes) {
      this(engine, classBytes, null, null);
    }

    /** Whether there is a class file an artifact store can keep. */
    public boolean storable() {
      return classFile != null;
    }
  }

  /** The compiler does not handle this code (size, a construct it does not support); final until a reset. */
  record Ineligible(String reason) implements Compilation {}

  /** The compile went wrong; the runtime retries after a backoff. {@code cause} may be null. */
  record Failed(String reason, Throwable cause) implements Compilation {}

  static Compilation compiled(ExecutionEngine engine, long classBytes) {
    return new Compiled(engine, classBytes);
  }

  /** A program with its class file, which the runtime can persist. */
  static Compilation compiled(ExecutionEngine engine, String className, byte[] classFile) {
    return new Compiled(engine, classFile.length, className, classFile);
  }

  static Compilation ineligible(String reason) {
    return new Ineligible(reason);
  }

  static Compilation failed(String reason, Throwable cause) {
    return new Failed(reason, cause);
  }
}
