package org.evmjit.evm.exec;

import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.frame.Code;

/** Chooses the engine that runs a piece of code: the interpreter, or compiled code when there is some. */
@FunctionalInterface
public interface EngineSelector {
  ExecutionEngine engineFor(Code code, Fork fork);
}
