package org.evmjit.plugin.compiler.analysis;

/**
 * A basic block: straight-line instructions entered only at {@link #start} and left only after
 * its last instruction. The static facts are checked once at entry by compiled code.
 *
 * @param index position in {@link BlockAnalysis#blocks()}
 * @param start pc of the first instruction (for the synthetic end block: the code length)
 * @param pcs pc of each instruction
 * @param ops opcode of each instruction
 * @param end kind of the last instruction
 * @param next pc after the last instruction (where a fall-through, a not-taken JUMPI or a
 *     resumption after a call continues); may exceed the code length after a truncated PUSH
 * @param staticGas sum of the static gas of all instructions
 * @param minHeight least stack height at entry for which no instruction underflows
 * @param maxHeight greatest height reached above the entry height (the overflow check adds it)
 * @param gasAfter for each instruction, the static gas of the instructions after it in the block
 *     (what an instruction that observes gas must add back, since the block charged it early)
 * @param jumpDest whether the block starts with a JUMPDEST (a valid dynamic jump target)
 * @param entry whether the block may be entered other than by falling through or a static jump
 *     from compiled code: pc 0, a JUMPDEST, a resumption point
 * @param netHeight stack height at the block's end relative to its entry
 */
public record Block(
    int index,
    int start,
    int[] pcs,
    int[] ops,
    End end,
    int next,
    long staticGas,
    int minHeight,
    int maxHeight,
    long[] gasAfter,
    boolean jumpDest,
    boolean entry,
    int netHeight) {

  /** How a block ends. */
  public enum End {
    /** Runs into the next block (which starts with a JUMPDEST, or after a size split), or off the code's end. */
    FALL_THROUGH,
    /** JUMP: always leaves; the code after it is dead until the next JUMPDEST. */
    JUMP,
    /** JUMPI: jumps or continues at {@code next}. */
    JUMPI,
    /** STOP, RETURN, REVERT, SELFDESTRUCT, INVALID or an undefined opcode: the frame ends. */
    TERMINATE,
    /** CALL, CALLCODE, DELEGATECALL, STATICCALL, CREATE, CREATE2: the frame suspends and resumes at {@code next}. */
    SUSPEND
  }

  public int size() {
    return ops.length;
  }

  /** The last opcode (STOP for the synthetic end block). */
  public int lastOp() {
    return ops.length == 0 ? 0 : ops[ops.length - 1];
  }
}
