package org.evmjit.evm.exec;

import org.evmjit.evm.frame.Frame;
import org.evmjit.evm.host.Host;
import org.evmjit.evm.trace.Tracer;

/** Runs a frame: the interpreter, or (later) compiled code. */
public interface ExecutionEngine {
  /**
   * Runs {@code frame} from its {@code pc} until it finishes ({@link Frame#DONE}, status set) or
   * suspends ({@link Frame#SUSPEND}, {@code frame.pending} set, {@code pc} at the next
   * instruction, the operands of the suspending instruction already popped).
   *
   * @param tracer null for no trace
   */
  int execute(Frame frame, Host host, Tracer tracer);
}
