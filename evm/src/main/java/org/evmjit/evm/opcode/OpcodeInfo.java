package org.evmjit.evm.opcode;

import org.evmjit.evm.fork.Fork;

/**
 * The fork-independent facts about one opcode.
 *
 * @param name mnemonic, as EIP-3155 traces print it
 * @param immediateBytes bytes of immediate data after the opcode (PUSHn: n)
 * @param stackIn items the instruction pops (or, for DUP/SWAP, needs present)
 * @param stackOut items it leaves in their place
 * @param since the first fork that defines it
 */
public record OpcodeInfo(String name, int immediateBytes, int stackIn, int stackOut, Fork since) {
  /** Net stack growth: what the stack-overflow check adds to the current height. */
  public int stackGrowth() {
    return stackOut - stackIn;
  }
}
