package org.evmjit.besu.seam;

import org.evmjit.evm.exec.CallCompletion;
import org.evmjit.evm.exec.ExecutionEngine;
import org.evmjit.evm.frame.Frame;
import org.evmjit.evm.frame.Message;
import org.evmjit.evm.host.Host;

/**
 * Runs one segment of a frame that evmjit executes for a node: from its start or from a
 * resumption until it finishes or suspends for a child that the node must run. This is the
 * protocol logic of the seam, the same for every node (Besu through {@code JitEvm}; evmjit's own
 * executor in the tests):
 *
 * <ul>
 *   <li>a request that cannot start (depth, balance; or the node refuses it) is answered at once,
 *       without suspending towards the node, as Besu's call and create operations do;
 *   <li>the fallback rule: an exception from compiled code or from the bridge ({@code host})
 *       gives {@link Step#FALLBACK} when the frame has not changed anything the node can see
 *       (first segment, no write, no cold account or slot warmed); otherwise it is rethrown as a
 *       {@link JitFrameFailure}.
 * </ul>
 */
public final class FrameRunner {
  private FrameRunner() {}

  /**
   * @param resumed true when the frame already started a child before (a later exception can
   *     then not fall back)
   */
  public static Step run(Frame frame, ExecutionEngine engine, Host host, ChildStarter children, boolean resumed) {
    ChangeTrackingHost tracked = new ChangeTrackingHost(host);
    boolean answered = resumed;
    while (true) {
      int result;
      try {
        result = engine.execute(frame, tracked, null);
      } catch (RuntimeException | LinkageError | StackOverflowError e) {
        if (!answered && !tracked.changed()) {
          return Step.FALLBACK;
        }
        throw new JitFrameFailure("evmjit: compiled frame failed after changing state (pc " + frame.pc
            + ", depth " + frame.depth + "); no fallback is exact from here", e);
      }
      if (result == Frame.DONE) {
        return Step.DONE;
      }
      Message request = frame.pending;
      if (!CallCompletion.refuses(request, tracked) && children.start(frame, request)) {
        return Step.CHILD;
      }
      CallCompletion.completeRefused(frame);
      answered = true;
    }
  }
}
