package org.evmjit.besu;

import org.evmjit.evm.exec.ExecutionEngine;
import org.evmjit.evm.frame.Frame;

/**
 * A Besu frame that evmjit runs: its evmjit copy (pc, stack, memory, gas, return data, pending
 * request) and the compiled program it started on. The frame keeps that program until it ends,
 * even if the runtime evicts it meanwhile (it stays valid while referenced).
 */
record RunningFrame(Frame frame, ExecutionEngine engine) {}
