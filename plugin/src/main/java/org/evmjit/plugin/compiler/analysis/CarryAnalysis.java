package org.evmjit.plugin.compiler.analysis;

import static org.evmjit.evm.opcode.Opcodes.*;

import java.util.ArrayList;
import java.util.List;
import org.evmjit.evm.interpreter.Instructions;
import org.evmjit.evm.opcode.OpcodeInfo;
import org.evmjit.evm.opcode.OpcodeTable;

/**
 * Chooses, per block, which of the top stack words arrive in JVM locals at its label (its
 * "carry", a bit mask over depths: bit {@code d} for the word {@code d} below the top) instead
 * of in the stack array, so that values live across jumps whose targets are known (a loop's back
 * edge, a JUMPI's two successors) stay in registers.
 *
 * <p><b>The contract</b> the code generator keeps for a block with carry {@code m != 0}: at its
 * label, {@code top} is the true stack height (times four) as everywhere, each word at a depth
 * in {@code m} is in fixed "carry locals" (depth {@code d}, limb {@code i}: one agreed local
 * pair, the same for every block), and the array holds every other word; what the array holds
 * at the carried positions is unspecified. Every known predecessor moves its values into those
 * locals before its {@code goto} (a parallel move); every other entry (the chunk's pc switch:
 * pc 0, dynamic jumps, resumption after a call, another chunk) goes through a stub that loads
 * the carried words from the array first.
 *
 * <p><b>Assumes</b> only {@link BlockAnalysis}'s blocks and the opcode table's stack effects.
 * The choice here is a heuristic for speed and never affects results: any predecessor can
 * establish the contract for any mask, and the code generator falls back to the loading stub
 * where it cannot prove the words exist. The heuristic carries the words the block reads into
 * locals anyway (DUP, SWAP and operands of the operations done in locals), so a carry replaces a
 * load the block would do, and words it does not read stay where they are.
 *
 * <p><b>Why it is sound.</b> Every carried depth is below the block's own
 * {@link Block#minHeight()}: the block reads that deep, so its entry check halts (stack
 * underflow, an exceptional halt like any other) whenever fewer words exist. The loading stub
 * therefore may halt with underflow when the deepest carried word does not exist without
 * changing the outcome, and otherwise reads only words that exist. A predecessor moves a word
 * from the array only if it is known to exist (below its own checked entry height, or written by
 * it); else it writes everything to the array and enters through the stub. Blocks that no known
 * jump or fall-through reaches (entered only through the switch) and blocks that are only ever
 * fallen into after a size split (which keep the whole model, see {@code ClassEmitter}'s chains)
 * get no carry.
 */
public final class CarryAnalysis {
  private CarryAnalysis() {}

  /**
   * The carry mask of each block of {@code a}, indexed like {@link BlockAnalysis#blocks()}, over
   * depths below {@code maxDepth} (at most 31). The targets {@code jumps} resolves for dynamic
   * jumps count as known: the code generator enters them like constant targets.
   */
  public static int[] carries(BlockAnalysis a, byte[] code, JumpTargets jumps, int maxDepth) {
    List<Block> blocks = a.blocks();
    boolean[] known = new boolean[blocks.size()];
    for (Block p : blocks) {
      int n = p.size();
      if (p.end() == Block.End.JUMPI || p.end() == Block.End.FALL_THROUGH) {
        Block next = a.blockAt(p.next());
        // A split block after a fall-through is chained and keeps its predecessor's model instead.
        if (next != null && (p.end() == Block.End.JUMPI || next.entry())) {
          known[next.index()] = true;
        }
      }
      if ((p.end() == Block.End.JUMP || p.end() == Block.End.JUMPI) && n >= 2
          && p.ops()[n - 2] >= PUSH1 && p.ops()[n - 2] <= PUSH32) {
        long[] t = new long[4];
        Instructions.push(t, 0, code, p.pcs()[n - 2] + 1, p.ops()[n - 2] - PUSH1 + 1);
        if ((t[1] | t[2] | t[3]) == 0 && a.isJumpDest(t[0])) {
          known[a.blockAt((int) t[0]).index()] = true;
        }
      }
      int[] resolved = jumps.targets(p);
      for (int pc : resolved == null ? new int[0] : resolved) {
        known[a.blockAt(pc).index()] = true;
      }
    }
    int[] carry = new int[blocks.size()];
    for (Block b : blocks) {
      carry[b.index()] = known[b.index()] ? reads(b) & ((1 << Math.min(maxDepth, 31)) - 1) : 0;
    }
    return carry;
  }

  /**
   * The entry depths whose words block {@code b} reads into locals, as a mask: an abstract run
   * of the block over a stack of "entry word at depth d" and "made in the block" entries.
   */
  static int reads(Block b) {
    ArrayList<Integer> s = new ArrayList<>();
    for (int d = Math.min(b.minHeight(), 31) - 1; d >= 0; d--) {
      s.add(d);
    }
    int mask = 0;
    for (int op : b.ops()) {
      OpcodeInfo info = OpcodeTable.info(op);
      if (info == null || info.stackIn() > s.size()) {
        break; // undefined (halts) or deeper than tracked
      }
      int top = s.size() - 1;
      if (op >= DUP1 && op <= DUP16) {
        mask |= bit(s.get(top - (op - DUP1)));
        s.add(-1);
      } else if (op >= SWAP1 && op <= SWAP16) {
        int k = top - (op - SWAP1 + 1);
        mask |= bit(s.get(top)) | bit(s.get(k));
        s.set(k, s.set(top, s.get(k)));
      } else {
        for (int j = 0; j < info.stackIn(); j++) {
          int v = s.remove(s.size() - 1);
          if (inLocals(op)) {
            mask |= bit(v);
          }
        }
        for (int j = 0; j < info.stackOut(); j++) {
          s.add(-1);
        }
      }
    }
    return mask;
  }

  private static int bit(int depth) {
    return depth < 0 ? 0 : 1 << depth;
  }

  /** Operations whose operands the code generator reads into locals (not through the array). */
  private static boolean inLocals(int op) {
    return switch (op) {
      case ADD, SUB, LT, GT, SLT, SGT, EQ, ISZERO, AND, OR, XOR, NOT, SHL, SHR, BYTE, JUMP, JUMPI,
          MLOAD, MSTORE, MSTORE8 -> true;
      default -> false;
    };
  }
}
