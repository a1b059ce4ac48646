package org.evmjit.plugin.compiler;

/** The JVM limits generated code is designed to stay within (each has a test). */
public final class JvmLimits {
  private JvmLimits() {}

  /** HotSpot never JIT-compiles a method with more bytes of bytecode (-XX:+DontCompileHugeMethods). */
  public static final int HUGE_METHOD_LIMIT = 8000;
  /**
   * C1 inlines no callee whose max stack plus locals beyond its parameters exceed this many slots
   * ({@code -XX:C1InlineStackLimit}); generated methods run C1-compiled for long, so the tiny
   * helpers they call stay within it.
   */
  public static final int C1_INLINE_STACK_LIMIT = 5;
  /** C1 inlines no callee with more bytes of bytecode ({@code -XX:C1MaxInlineSize}). */
  public static final int C1_MAX_INLINE_SIZE = 35;
  /** The class-file limit on a method's bytecode. */
  public static final int MAX_METHOD_BYTES = 65535;
  /** The class-file limit on constant-pool entries. */
  public static final int MAX_CONSTANT_POOL = 65535;
  /** The class-file limit on a method's local variable slots. */
  public static final int MAX_LOCALS = 65535;
}
