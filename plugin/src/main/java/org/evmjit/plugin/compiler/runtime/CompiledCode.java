package org.evmjit.plugin.compiler.runtime;

import org.evmjit.evm.frame.Frame;
import org.evmjit.evm.host.Host;

/**
 * What every generated class implements: run a frame from {@code frame.pc} until it finishes
 * ({@link Frame#DONE}) or suspends ({@link Frame#SUSPEND}), with the contract of
 * {@code ExecutionEngine.execute} (no tracer: traced frames run on the interpreter).
 */
public interface CompiledCode {
  int run(Frame frame, Host host);
}
