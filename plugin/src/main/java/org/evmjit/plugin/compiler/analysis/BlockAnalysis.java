package org.evmjit.plugin.compiler.analysis;

import static org.evmjit.evm.opcode.Opcodes.*;

import java.util.ArrayList;
import java.util.List;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.fork.GasTable;
import org.evmjit.evm.frame.Frame;
import org.evmjit.evm.opcode.OpcodeInfo;
import org.evmjit.evm.opcode.OpcodeTable;

/**
 * Splits code into basic blocks and computes, per block, what the interpreter checks before each
 * instruction, summed: static gas, the least entry height that avoids underflow and the greatest
 * growth (overflow).
 *
 * <p><b>Assumes</b> the interpreter's rules: instructions are decoded from pc 0 with PUSHn
 * skipping n immediate bytes (so a JUMPDEST byte inside PUSH data is data, exactly as
 * {@code Code.isJumpDest} decides); a jump may only land on a JUMPDEST; execution past the last
 * byte is STOP; undefined opcodes (per fork) halt.
 *
 * <p><b>Why it is sound.</b> A block starts at pc 0, at every JUMPDEST, after a JUMPI (not-taken
 * path) and after a suspending CALL/CREATE (the resumption point), and at a split of an overlong
 * run; no other pc can be reached except by executing the instruction before it, so control enters
 * a block only at its start. Blocks end at JUMP/JUMPI, at terminators, at suspending instructions
 * and before a JUMPDEST. Code after JUMP or a terminator that is not a JUMPDEST is unreachable
 * and gets no block. Within a block every instruction runs in order unless one halts, and an
 * exceptional halt consumes all gas and undoes the frame whichever instruction detects it, so
 * checking the summed static gas and stack bounds at entry gives the same outcome as checking
 * before each instruction. Instructions that observe the gas left (GAS, SSTORE's sentry, the
 * 63/64 rule of CALL/CREATE) see the early charge undone via {@link Block#gasAfter()}; calls and
 * creates end their block, so nothing is charged early for them.
 */
public final class BlockAnalysis {
  /**
   * Longest block, in instructions; longer straight-line runs are split (the second part
   * checks its own gas and stack), which bounds the bytecode one block generates.
   */
  public static final int MAX_BLOCK_INSTRUCTIONS = 64;

  private final List<Block> blocks;
  private final int codeLength;
  /**
   * For each pc from 0 to the code length (inclusive: the synthetic end block), the index of the
   * block starting there plus one, or 0: built once, so {@link #blockAt} (asked for every jump
   * and label the code generator emits) is one array read.
   */
  private final int[] blockIndexAt;

  private BlockAnalysis(List<Block> blocks, int codeLength) {
    this.blocks = blocks;
    this.codeLength = codeLength;
    this.blockIndexAt = new int[codeLength + 1];
    for (Block b : blocks) {
      if (b.start() <= codeLength) {
        blockIndexAt[b.start()] = b.index() + 1;
      }
    }
  }

  public List<Block> blocks() {
    return blocks;
  }

  public int codeLength() {
    return codeLength;
  }

  /** The block starting at {@code pc}, or null. */
  public Block blockAt(int pc) {
    if (pc < 0 || pc > codeLength || blockIndexAt[pc] == 0) {
      return null;
    }
    return blocks.get(blockIndexAt[pc] - 1);
  }

  /** Whether {@code pc} is a valid jump destination (a JUMPDEST opcode, not PUSH data). */
  public boolean isJumpDest(long pc) {
    if (pc < 0 || pc >= codeLength) return false;
    Block b = blockAt((int) pc);
    return b != null && b.jumpDest();
  }

  public static BlockAnalysis analyze(byte[] code, Fork fork) {
    return analyze(code, fork, MAX_BLOCK_INSTRUCTIONS);
  }

  /** As {@link #analyze(byte[], Fork)}, splitting straight-line runs after {@code maxInstructions}. */
  public static BlockAnalysis analyze(byte[] code, Fork fork, int maxInstructions) {
    int[] gas = GasTable.staticGas(fork);
    List<Block> out = new ArrayList<>();
    List<Integer> pcs = new ArrayList<>();
    List<Integer> ops = new ArrayList<>();
    boolean live = true; // the next instruction is reachable by falling into it
    boolean entry = true; // pc 0
    int start = 0;
    int pc = 0;
    while (pc < code.length) {
      int op = code[pc] & 0xFF;
      int size = op >= PUSH1 && op <= PUSH32 ? op - PUSH1 + 2 : 1;
      if (op == JUMPDEST) {
        if (!pcs.isEmpty()) {
          out.add(block(out.size(), start, pcs, ops, Block.End.FALL_THROUGH, pc, fork, gas, entry));
          entry = false;
        }
        if (pcs.isEmpty()) {
          start = pc;
          entry = true;
        }
        live = true;
      } else if (!live) {
        pc += size; // dead code: only a JUMPDEST can start a block again
        continue;
      }
      if (pcs.isEmpty()) {
        start = pc;
      }
      pcs.add(pc);
      ops.add(op);
      int next = pc + size;
      Block.End end = endOf(op, fork);
      if (end != null) {
        out.add(block(out.size(), start, pcs, ops, end, next, fork, gas, entry));
        entry = end == Block.End.SUSPEND;
        live = end == Block.End.JUMPI || end == Block.End.SUSPEND;
      } else if (pcs.size() >= maxInstructions && next < code.length) {
        out.add(block(out.size(), start, pcs, ops, Block.End.FALL_THROUGH, next, fork, gas, entry));
        entry = false;
      }
      pc = next;
    }
    if (!pcs.isEmpty()) {
      out.add(block(out.size(), start, pcs, ops, Block.End.FALL_THROUGH, code.length, fork, gas, entry));
      entry = false;
      live = true;
    }
    // The end of the code: an implicit STOP, reached by falling off the end or resuming after a
    // call that is the last instruction.
    if (live || entry || out.isEmpty()) {
      out.add(new Block(out.size(), code.length, new int[0], new int[0], Block.End.TERMINATE,
          code.length, 0, 0, 0, new long[0], false, true, 0));
    }
    return new BlockAnalysis(List.copyOf(out), code.length);
  }

  /** The block kind an opcode ends, or null when it does not end one. */
  static Block.End endOf(int op, Fork fork) {
    if (!OpcodeTable.isDefined(op, fork)) {
      return Block.End.TERMINATE;
    }
    return switch (op) {
      case JUMP -> Block.End.JUMP;
      case JUMPI -> Block.End.JUMPI;
      case STOP, RETURN, REVERT, SELFDESTRUCT -> Block.End.TERMINATE;
      case CALL, CALLCODE, DELEGATECALL, STATICCALL, CREATE, CREATE2 -> Block.End.SUSPEND;
      default -> null;
    };
  }

  private static Block block(int index, int start, List<Integer> pcList, List<Integer> opList,
      Block.End end, int next, Fork fork, int[] gasTable, boolean entry) {
    int n = opList.size();
    int[] pcs = new int[n];
    int[] ops = new int[n];
    long[] gasAfter = new long[n];
    long total = 0;
    int height = 0, min = 0, max = 0;
    for (int i = 0; i < n; i++) {
      pcs[i] = pcList.get(i);
      ops[i] = opList.get(i);
      int op = ops[i];
      if (!OpcodeTable.isDefined(op, fork)) {
        continue; // halts before any check of its own
      }
      OpcodeInfo info = OpcodeTable.info(op);
      total += gasTable[op];
      min = Math.max(min, info.stackIn() - height);
      max = Math.max(max, height + Math.max(0, info.stackGrowth()));
      height += info.stackGrowth();
    }
    long after = total;
    for (int i = 0; i < n; i++) {
      after -= OpcodeTable.isDefined(ops[i], fork) ? gasTable[ops[i]] : 0;
      gasAfter[i] = after;
    }
    boolean jumpDest = n > 0 && ops[0] == JUMPDEST;
    pcList.clear();
    opList.clear();
    return new Block(index, start, pcs, ops, end, next, total, min, Math.min(max, Frame.MAX_STACK + 1),
        gasAfter, jumpDest, entry || jumpDest, height);
  }
}
