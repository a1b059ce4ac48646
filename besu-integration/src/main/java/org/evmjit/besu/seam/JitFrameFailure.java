package org.evmjit.besu.seam;

/**
 * Compiled code or the bridge threw after the frame had changed something the node can see
 * (written state, warmed an account, started a child): there is no exact way back, so the frame
 * fails loudly instead of producing a result that might differ from the node's own.
 */
public final class JitFrameFailure extends RuntimeException {
  public JitFrameFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
