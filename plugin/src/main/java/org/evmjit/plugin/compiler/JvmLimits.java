package org.evmjit.plugin.compiler;

/** The JVM limits generated code is designed to stay within (each has a test). */
public final class JvmLimits {
  private JvmLimits() {}

  /** HotSpot never JIT-compiles a method with more bytes of bytecode (-XX:+DontCompileHugeMethods). */
  public static final int HUGE_METHOD_LIMIT = 8000;
  /** The class-file limit on a method's bytecode. */
  public static final int MAX_METHOD_BYTES = 65535;
  /** The class-file limit on constant-pool entries. */
  public static final int MAX_CONSTANT_POOL = 65535;
  /** The class-file limit on a method's local variable slots. */
  public static final int MAX_LOCALS = 65535;
}
