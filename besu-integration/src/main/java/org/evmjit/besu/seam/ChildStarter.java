package org.evmjit.besu.seam;

import org.evmjit.evm.frame.Frame;
import org.evmjit.evm.frame.Message;

/**
 * The node's half of the call protocol: starts the child frame that a suspended evmjit frame
 * asks for ({@code parent.pending}), after {@link FrameRunner} checked depth and balance. The node
 * runs the child and, when it has finished, hands its result back with
 * {@link org.evmjit.evm.exec.CallCompletion#complete}; then the parent is resumed.
 */
@FunctionalInterface
public interface ChildStarter {
  /**
   * @return false when the node refuses the request without starting anything (a create whose
   *     sender's nonce cannot grow); the parent then gets its gas back and 0
   */
  boolean start(Frame parent, Message request);
}
