package org.evmjit.plugin.compiler.analysis;

import static org.evmjit.evm.opcode.Opcodes.*;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.evmjit.evm.interpreter.Instructions;
import org.evmjit.evm.opcode.OpcodeInfo;
import org.evmjit.evm.opcode.OpcodeTable;

/**
 * Finds, for each block ending in JUMP or JUMPI, the finite set of JUMPDESTs its jump can go to
 * when the target word is a constant pushed elsewhere: chiefly the return addresses of
 * Solidity's internal functions, called as {@code PUSH ret; args; PUSH fn; JUMP} and returning
 * with a {@code JUMP} on {@code ret} in another block.
 *
 * <p><b>How.</b> An abstract interpretation over the blocks to a fixpoint. An abstract stack
 * holds the top words of the concrete one, at most {@link #MAX_DEPTH} (words below it are "any
 * value"); a word's abstract value is a set {@code S} of JUMPDEST pcs, read as "if the word is a
 * valid jump destination, it is in {@code S}", or "any value" ({@code null}). A PUSH of a
 * constant gives {@code {c}} when {@code c} is a JUMPDEST and {@code {}} otherwise; DUP, SWAP and
 * POP move values; every other instruction's results are "any value". A block keeps up to
 * {@link #MAX_EXACT} distinct entry stacks apart, one per calling context, so that a function
 * returns to each caller with that caller's own deeper words (among them its own return address;
 * a join would mix callers and lose them); further stacks are joined into one per length, word by
 * word (set union, "any value" past {@link #MAX_TARGETS} pcs). A jump on a set goes to the blocks at
 * its pcs (a word outside the set is not a JUMPDEST: the jump halts); a jump on "any value" has
 * no successors in the analysis. A block's result is the union of the sets its entry stacks
 * give, leaving out the entries where the word is "any value"; null when every entry does.
 *
 * <p><b>Assumes</b> {@link BlockAnalysis}'s blocks (entered only at their start), that every
 * execution of the code starts at pc 0 with an empty stack (whichever engine runs which part),
 * and the interpreter's rules: a jump may only land on a JUMPDEST, CALL/CREATE pop their operands
 * and push one word (the frame resumes at the next block with the rest of its stack unchanged),
 * and an instruction that underflows halts.
 *
 * <p><b>What a set means: the targets seen, not a proof.</b> A set is complete (every concrete
 * target is in it) when every reachable jump is resolved: then the entry stacks at the fixpoint
 * are closed under every way control enters a block (pc 0 with an empty stack, fall-through and
 * a JUMPI's not-taken edge, resumption after CALL/CREATE, and jumps whose every concrete target
 * is in their set), and each instruction's transfer describes its concrete effect. A jump on
 * "any value" may land on any JUMPDEST with a stack the analysis never sees, and the iteration
 * may stop at {@link #MAX_STEPS}; then a set may miss targets. That is allowed because <b>the
 * sets decide only speed, never behaviour</b>: the code generator switches on the word over the
 * set, enters a listed block like a constant jump, and sends every other value through the
 * checked dynamic path (invalid: halt; else the dispatch), and {@link CarryAnalysis}'s contract
 * gives every block a loading stub for entries that are not known edges. So a set with a
 * target the program never takes costs one switch case, and a missing target costs the dynamic
 * path it would have taken anyway. Solidity's recursive functions (snailtracer's) make contexts
 * without bound, and a function called from many places joins them; giving up on the whole
 * contract there, as an earlier version did, lost every jump of it.
 *
 * <p>The iteration ends: per block, at most {@code MAX_EXACT} exact stacks, each set once, and
 * {@code MAX_DEPTH + 1} joined ones whose words only grow (sets of at most {@link #MAX_TARGETS} of
 * the code's JUMPDESTs, then "any value"); {@link #MAX_STEPS} bounds the work regardless.
 */
public final class JumpTargets {
  /** Largest target set tracked per word; larger sets are "any value". */
  public static final int MAX_TARGETS = 256;
  /** Words tracked below the top; deeper ones are "any value". */
  public static final int MAX_DEPTH = 32;
  /** Entry stacks a block keeps apart exactly (one per calling context) before it joins them by length. */
  public static final int MAX_EXACT = 16;
  /** Most abstract instruction steps before the analysis stops with the sets seen so far (bounds compile time). */
  public static final int MAX_STEPS = 25_000;

  private static final int[] NONE = new int[0];

  /** Per block index: the target set of its jump, or null (no jump, unreachable or unresolved). */
  private final int[][] targets;

  private JumpTargets(int[][] targets) {
    this.targets = targets;
  }

  /**
   * The pcs (sorted JUMPDESTs) the analysis saw the jump ending {@code b} go to, or null when the
   * block does not end in a jump, is unreachable or its target is unknown on every entry. Not
   * always complete (see the class comment): a caller must keep a path for any other value.
   */
  public int[] targets(Block b) {
    return targets[b.index()];
  }

  public static JumpTargets analyze(BlockAnalysis a, byte[] code) {
    return new Solver(a, code).solve();
  }

  /**
   * The fixpoint iteration over per-block entry slots: {@link #MAX_EXACT} exact stacks, then one
   * joined stack per length (0 to {@link #MAX_DEPTH}). A worklist holds the (block, slot) entries
   * that changed.
   */
  private static final class Solver {
    /** Entries per block: {@link #MAX_EXACT} kept as they came, then one joined entry per length. */
    private static final int SLOTS = MAX_EXACT + MAX_DEPTH + 1;
    private final BlockAnalysis a;
    private final byte[] code;
    private final List<Block> blocks;
    /** Per block and entry slot: an abstract entry stack (index 0 deepest known, last the top), or null. */
    private final int[][][][] entry;
    /** Per block and entry slot: the target set of its jump in the last run of that entry. */
    private final int[][][] jumps;
    private final ArrayDeque<Integer> work = new ArrayDeque<>();
    private final boolean[] queued;
    private int steps;

    Solver(BlockAnalysis a, byte[] code) {
      this.a = a;
      this.code = code;
      this.blocks = a.blocks();
      this.entry = new int[blocks.size()][SLOTS][][];
      this.jumps = new int[blocks.size()][SLOTS][];
      this.queued = new boolean[blocks.size() * SLOTS];
    }

    JumpTargets solve() {
      enter(blocks.get(0), new int[0][]);
      while (!work.isEmpty()) {
        int key = work.poll();
        queued[key] = false;
        run(blocks.get(key / SLOTS), key % SLOTS);
        if (steps > MAX_STEPS) {
          break; // the sets seen so far: possibly incomplete, which only costs speed
        }
      }
      int[][] targets = new int[blocks.size()][];
      for (Block b : blocks) {
        if (b.end() == Block.End.JUMP || b.end() == Block.End.JUMPI) {
          targets[b.index()] = targetsOverEntries(b.index());
        }
      }
      return new JumpTargets(targets);
    }

    /** The union of a block's jump targets over the entries where they are known; null if none is. */
    private int[] targetsOverEntries(int block) {
      int[] all = null;
      for (int n = 0; n < SLOTS; n++) {
        int[] t = jumps[block][n];
        if (entry[block][n] != null && t != null) {
          all = all == null ? t : merge(all, t);
        }
      }
      return all;
    }

    /** Runs block {@code b} on its entry in {@code slot} and passes the result to its successors. */
    private void run(Block b, int slot) {
      ArrayList<int[]> s = new ArrayList<>(Arrays.asList(entry[b.index()][slot]));
      steps += b.size() + 1;
      int[] target = null;
      for (int i = 0; i < b.size(); i++) {
        int op = b.ops()[i];
        OpcodeInfo info = OpcodeTable.info(op);
        if (info == null) {
          return; // undefined: halts
        }
        int depth = op >= SWAP1 && op <= SWAP16 ? op - SWAP1 + 2 : info.stackIn();
        while (s.size() < depth) {
          s.add(0, null); // words below the known ones: any value
        }
        int top = s.size() - 1;
        if (op >= PUSH1 && op <= PUSH32 || op == PUSH0) {
          s.add(constant(b.pcs()[i], op));
        } else if (op >= DUP1 && op <= DUP16) {
          s.add(s.get(top - (op - DUP1)));
        } else if (op >= SWAP1 && op <= SWAP16) {
          int k = top - (op - SWAP1 + 1);
          s.set(k, s.set(top, s.get(k)));
        } else {
          if (op == JUMP || op == JUMPI) {
            target = s.get(top);
          }
          for (int j = 0; j < info.stackIn(); j++) {
            s.remove(s.size() - 1);
          }
          for (int j = 0; j < info.stackOut(); j++) {
            s.add(null);
          }
        }
        while (s.size() > MAX_DEPTH) {
          s.remove(0);
        }
      }
      int[][] out = s.toArray(new int[0][]);
      if (b.end() != Block.End.JUMP && b.end() != Block.End.TERMINATE) {
        Block next = a.blockAt(Math.min(b.next(), a.codeLength()));
        if (next != null) {
          enter(next, out);
        }
      }
      if (b.end() == Block.End.JUMP || b.end() == Block.End.JUMPI) {
        jumps[b.index()][slot] = target;
        for (int pc : target == null ? NONE : target) {
          enter(a.blockAt(pc), out);
        }
      }
    }

    /** The abstract value PUSHn (or PUSH0) at {@code pc} pushes. */
    private int[] constant(int pc, int op) {
      if (op == PUSH0) {
        return a.isJumpDest(0) ? new int[] {0} : NONE;
      }
      long[] w = new long[4];
      Instructions.push(w, 0, code, pc + 1, op - PUSH1 + 1);
      return (w[1] | w[2] | w[3]) == 0 && a.isJumpDest(w[0]) ? new int[] {(int) w[0]} : NONE;
    }

    /**
     * Adds {@code state} to the entries of {@code b}: as a new exact entry while it has fewer than
     * {@link #MAX_EXACT}, else joined into its entry of the same length; queues what changed.
     */
    private void enter(Block b, int[][] state) {
      int[][][] entries = entry[b.index()];
      int slot = MAX_EXACT + state.length;
      for (int i = 0; i < MAX_EXACT; i++) {
        if (entries[i] == null) {
          slot = i;
          break;
        }
        if (Arrays.deepEquals(entries[i], state)) {
          return;
        }
      }
      int[][] old = entries[slot];
      int[][] joined = old == null ? state : join(old, state);
      if (old != null && Arrays.deepEquals(old, joined)) {
        return;
      }
      entries[slot] = joined;
      int key = b.index() * SLOTS + slot;
      if (!queued[key]) {
        queued[key] = true;
        work.add(key);
      }
    }

    /** Joins two stacks of the same length, word by word. */
    private static int[][] join(int[][] x, int[][] y) {
      int[][] out = new int[x.length][];
      for (int i = 0; i < x.length; i++) {
        out[i] = union(x[i], y[i]);
      }
      return out;
    }

    /** Union of two sorted sets; null (any value) when either is, or past {@link #MAX_TARGETS}. */
    private static int[] union(int[] x, int[] y) {
      if (x == null || y == null) {
        return null;
      }
      int[] out = merge(x, y);
      return out.length > MAX_TARGETS ? null : out;
    }

    /** Union of two sorted sets of pcs. */
    private static int[] merge(int[] x, int[] y) {
      if (x == y || Arrays.equals(x, y)) {
        return x;
      }
      int[] out = new int[x.length + y.length];
      int i = 0, j = 0, n = 0;
      while (i < x.length || j < y.length) {
        int v = j == y.length || i < x.length && x[i] < y[j] ? x[i++] : y[j++];
        if (n == 0 || out[n - 1] != v) {
          out[n++] = v;
        }
      }
      return n == x.length ? x : Arrays.copyOf(out, n);
    }
  }
}
