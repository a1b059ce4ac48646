package org.evmjit.plugin.compiler.codegen;

import static org.evmjit.evm.opcode.Opcodes.JUMPDEST;

import java.util.List;
import org.evmjit.plugin.compiler.analysis.Block;
import org.evmjit.plugin.compiler.analysis.BlockAnalysis;

/**
 * Runs of lone JUMPDESTs, which get no code and no switch keys of their own. A <i>member</i> is
 * a block that is a single JUMPDEST and falls through into the next byte (so the block after it
 * starts at its pc plus one). Consecutive members of one chunk form a <i>run</i>; its <i>end</i>
 * is the pc after its last member, so the run's members are exactly the pcs from its first
 * member's to its end. A pc that the chunk's switch does not find is checked against the chunk's
 * runs (in ascending order: below a run's start it is in none of them, so the chunk exits as
 * before; below its end it is a member), and goes to the run's one shared entry: it charges the
 * static gas of the JUMPDESTs from the entered pc to the end, {@code g * (end - pc)}, halts when
 * the gas left is negative, and continues at the block starting at the end (in the chunk, or
 * through the exit). A member that its previous block in the chunk falls into (or reaches as a
 * JUMPI's not-taken path) gets a stub that sets {@code pc} and goes to the shared entry; any
 * other known jump to a member leaves through the exit, as a jump to another chunk does, and
 * comes back through the switch. A member costs nothing in a chunk's size, so a run is never
 * split; only its start is sized (range check, shared entry, stub).
 *
 * <p><b>Assumes</b> {@link BlockAnalysis}'s blocks: a member has static gas {@code g} (the
 * fork's JUMPDEST gas, the same for every member), needs no stack words and grows the stack by
 * none (its entry checks are only the gas charge), and observes nothing.
 *
 * <p><b>Why it is sound.</b> Entered at member pc {@code p}, the interpreter executes the
 * members {@code p, p + 1, ..., end - 1} in order, each only charging {@code g} (a JUMPDEST has
 * no other effect), then the instruction at {@code end}. Compiled code charges the same total
 * at once and continues at the block at {@code end}, which makes its own entry checks (or the
 * chunk it is in does). If the gas runs out within the run, the interpreter halts out of gas at a
 * member; the shared entry halts out of gas before running anything else: the same exceptional
 * halt (all gas consumed, the frame undone). A member carries no words (it reads none, see
 * {@code CarryAnalysis}) and is never chained: the block before a run ends with a jump to the
 * member's stub, and the run's shared entry enters the block at its end through that block's
 * label (or its loading stub, when it carries words, as the switch does).
 */
final class JumpDestRuns {
  private final boolean[] member;

  JumpDestRuns(BlockAnalysis analysis) {
    List<Block> blocks = analysis.blocks();
    member = new boolean[blocks.size()];
    for (Block b : blocks) {
      member[b.index()] = b.size() == 1 && b.ops()[0] == JUMPDEST && b.end() == Block.End.FALL_THROUGH
          && b.next() == b.start() + 1;
    }
  }

  /** Whether {@code b} is a lone JUMPDEST falling into the next byte. */
  boolean member(Block b) {
    return member[b.index()];
  }

  /** Whether block {@code i} of a chunk's {@code blocks} is a member after a non-member of the chunk that reaches it directly. */
  boolean enteredFromPrevious(List<Block> blocks, int i) {
    if (i == 0 || !member(blocks.get(i)) || member(blocks.get(i - 1))) {
      return false;
    }
    Block p = blocks.get(i - 1);
    return (p.end() == Block.End.FALL_THROUGH || p.end() == Block.End.JUMPI) && p.next() == blocks.get(i).start();
  }

  /** Whether block {@code i} of a chunk's {@code blocks} is a member that starts a run of the chunk. */
  boolean startsRun(List<Block> blocks, int i) {
    return member(blocks.get(i)) && (i == 0 || !member(blocks.get(i - 1)));
  }

  /** The end of the run of the chunk's {@code blocks} that contains member {@code i}: the pc after its last member. */
  int runEnd(List<Block> blocks, int i) {
    int j = i;
    while (j + 1 < blocks.size() && member(blocks.get(j + 1))) {
      j++;
    }
    return blocks.get(j).next();
  }
}
