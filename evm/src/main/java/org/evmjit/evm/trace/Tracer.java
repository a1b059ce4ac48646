package org.evmjit.evm.trace;

/**
 * Receives one call per executed instruction, before it runs, for EIP-3155 traces. Engines call
 * it only when a tracer is installed, so an untraced run pays one null check per instruction.
 */
public interface Tracer {
  /**
   * @param pc program counter of the instruction
   * @param opcode the opcode byte
   * @param gas gas left before the instruction
   * @param gasCost the instruction's static gas cost (its whole cost, as EIP-3155 traces show it, is
   *     known when the frame's next instruction starts or at {@link #onFrameExit})
   * @param memorySize active memory size in bytes
   * @param stack the operand stack as limbs: slot {@code i} (0 = bottom) at {@code 4*i}, least
   *     significant limb first
   * @param stackSize number of stack slots in use
   * @param returnData the current return-data buffer
   * @param depth call depth, 1 for the outermost frame
   * @param refund the refund counter before the instruction (a trace line shows it after the
   *     instruction's gas is charged, as geth does: an SSTORE's line includes its own refund)
   */
  void onInstruction(int pc, int opcode, long gas, long gasCost, long memorySize, long[] stack,
      int stackSize, byte[] returnData, int depth, long refund);

  /**
   * The frame's engine returned, after the last instruction passed to {@link #onInstruction}: the
   * frame suspended for a call or create, or ended.
   *
   * @param gasLeft the frame's gas now (0 after an exceptional halt)
   * @param createGas the gas handed to a pending CREATE or CREATE2 child, 0 otherwise (a CALL's
   *     gas for its child counts in its cost, as geth traces it; a CREATE's does not)
   * @param refund the refund counter now
   * @param error the exceptional halt's reason, or null
   */
  default void onFrameExit(long gasLeft, long createGas, long refund, String error) {}

  /** The transaction ended: output, gas used and, for an exceptional halt, why. */
  void onTransactionEnd(byte[] output, long gasUsed, String error);
}
