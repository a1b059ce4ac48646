package org.evmjit.plugin.runtime;

import org.evmjit.evm.exec.ExecutionEngine;

/**
 * The answer of {@link JitRuntime#lookup}: run the compiled program, or interpret with a reason.
 * Every decision object is made ahead of time (one {@link Interpret} per reason, one
 * {@link Compiled} per installed program), so a lookup never allocates.
 */
public sealed interface Decision permits Decision.Compiled, Decision.Interpret {

  /** The engine to run: the compiled program, or {@code interpreter} when there is none. */
  ExecutionEngine engineOr(ExecutionEngine interpreter);

  /**
   * Compiled code for the looked-up code hash and fork.
   *
   * @param engine the compiled program; it stays valid after an eviction for as long as someone
   *     holds it (a frame that is running it), see the module README
   * @param classBytes size of the generated class, as counted against the memory budget
   */
  record Compiled(ExecutionEngine engine, long classBytes) implements Decision {
    @Override
    public ExecutionEngine engineOr(ExecutionEngine interpreter) {
      return engine;
    }
  }

  /** Run the interpreter, because of {@code reason}. */
  record Interpret(InterpretReason reason) implements Decision {
    private static final Interpret[] BY_REASON = new Interpret[InterpretReason.values().length];

    static {
      for (InterpretReason r : InterpretReason.values()) {
        BY_REASON[r.ordinal()] = new Interpret(r);
      }
    }

    /** The shared decision object for {@code reason}. */
    public static Interpret of(InterpretReason reason) {
      return BY_REASON[reason.ordinal()];
    }

    @Override
    public ExecutionEngine engineOr(ExecutionEngine interpreter) {
      return interpreter;
    }
  }
}
