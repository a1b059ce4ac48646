package org.evmjit.plugin.compiler;

/**
 * What to do with code that is valid EVM code but cannot be compiled within the JVM's limits
 * (a generated method or the class over a class-file limit, or over HotSpot's huge-method
 * limit, which would leave it interpreted by HotSpot's bytecode interpreter).
 */
public enum UncompilablePolicy {
  /** Run it on the EVM interpreter; the result says why, and {@link JitEngineSelector} counts it. */
  INTERPRET,
  /** Throw {@link CompilationException}: for tests and tools that must not silently fall back. */
  FAIL
}
