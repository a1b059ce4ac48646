package org.evmjit.evm.exec;

import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.frame.Code;

/** Chooses the engine that runs a piece of code: the interpreter, or compiled code when there is some. */
@FunctionalInterface
public interface EngineSelector {
  ExecutionEngine engineFor(Code code, Fork fork);

  /**
   * Called after {@code engine}, which {@link #engineFor} chose, ran a segment of a frame of
   * {@code code} (to its end or to a call or create) and spent {@code gasSpent} of the frame's
   * own gas (gas handed to a child frame not included). A JIT uses it to weigh hotness by work;
   * the default does nothing.
   */
  default void ran(Code code, Fork fork, ExecutionEngine engine, long gasSpent) {}
}
