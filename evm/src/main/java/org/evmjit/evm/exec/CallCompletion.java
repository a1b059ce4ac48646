package org.evmjit.evm.exec;

import org.evmjit.evm.frame.Frame;
import org.evmjit.evm.frame.Message;
import org.evmjit.evm.host.Host;
import org.evmjit.evm.tx.ExecutionStatus;
import org.evmjit.evm.word.Address;

/**
 * The parent's half of the call protocol, shared by every node that runs evmjit frames
 * ({@link MessageExecutor}, and a client such as Besu through besu-integration): whether a
 * suspended frame's request is refused before any child starts, and how a child's result goes
 * back into the suspended parent (as Besu's {@code AbstractCallOperation.complete} and
 * {@code AbstractCreateOperation.complete} do).
 */
public final class CallCompletion {
  /** EIP-150's limit: a frame at depth 1024 (0 = outermost) may not call further. */
  public static final int MAX_DEPTH = 1024;
  private static final byte[] NONE = new byte[0];

  private CallCompletion() {}

  /**
   * True when the request cannot start a child (too deep, or the caller cannot pay the value);
   * the caller then keeps the child's gas and gets 0 ({@link #completeRefused}).
   */
  public static boolean refuses(Message m, Host host) {
    return m.depth() > MAX_DEPTH
        || (m.transfersValue() && host.balance(m.caller()).compareUnsigned(m.value()) < 0);
  }

  /** Answers a request that started no child: its gas back, no output, 0 pushed. */
  public static void completeRefused(Frame parent) {
    complete(parent, ExecutionStatus.REVERT, parent.pending.gas(), NONE, Address.ZERO);
  }

  /**
   * Hands a finished child's result to {@code parent}, whose {@code pending} request it answers:
   * the child's gas left, the return data, the output copied to the caller's memory (calls), and
   * the stack item (1/0 for calls, the new address or 0 for creates).
   *
   * @param created the new contract's address (creates; used on success only)
   */
  public static void complete(Frame parent, ExecutionStatus status, long gasLeft, byte[] output, Address created) {
    Message request = parent.pending;
    parent.pending = null;
    parent.gas += gasLeft;
    boolean success = status == ExecutionStatus.SUCCESS;
    if (request.kind().isCreate()) {
      parent.returnData = status == ExecutionStatus.REVERT ? output : NONE;
      if (success) {
        parent.push(created);
      } else {
        parent.push(0);
      }
      return;
    }
    byte[] out = status == ExecutionStatus.HALT ? NONE : output;
    parent.returnData = out;
    int n = (int) Math.min(request.outSize(), out.length);
    if (n > 0) {
      parent.memory.copyFrom(out, 0, (int) request.outOffset(), n);
    }
    parent.push(success ? 1 : 0);
  }
}
