package org.evmjit.plugin.compiler;

/** Code could not be compiled and the policy was {@link UncompilablePolicy#FAIL}. */
public final class CompilationException extends RuntimeException {
  public CompilationException(String message, Throwable cause) {
    super(message, cause);
  }
}
