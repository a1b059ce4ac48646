package org.evmjit.plugin.runtime;

import org.evmjit.evm.exec.ExecutionEngine;
import org.evmjit.evm.fork.Fork;

/**
 * How a compiler's classes are kept in an artifact store and brought back: the fingerprint that
 * names the compiler (a stored class is used only under the fingerprint that made it) and the
 * way a stored class file becomes an engine again. A {@link CompilerProvider} whose compiler
 * generates class files offers one; without it the runtime has nothing to store.
 */
public interface ArtifactFormat {
  /** Changes whenever the generated code, or the code it calls, could change. */
  String fingerprint();

  /**
   * Defines a stored class file as an engine for {@code fork}; the JVM verifies it on the way.
   *
   * @throws LinkageError or RuntimeException when the JVM (or the format) refuses the bytes
   */
  ExecutionEngine define(byte[] classFile, Fork fork);
}
