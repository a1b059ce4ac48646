package org.evmjit.plugin.compiler.codegen;

import static org.objectweb.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.frame.Frame;
import org.evmjit.evm.frame.HaltReason;
import org.evmjit.evm.host.Host;
import org.evmjit.plugin.compiler.analysis.Block;
import org.evmjit.plugin.compiler.analysis.BlockAnalysis;
import org.evmjit.plugin.compiler.analysis.CarryAnalysis;
import org.evmjit.plugin.compiler.analysis.JumpTargets;
import org.evmjit.plugin.compiler.runtime.CompiledCode;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * Generates the class for one analysed program.
 *
 * <p><b>Shape.</b> Consecutive blocks are packed into static "chunk" methods
 * {@code int cN(Frame, Host, int pc)} of at most {@link #CHUNK_BUDGET} bytes (each block is sized
 * first with a {@link SizeCounter}), so no method comes near HotSpot's 8000-byte
 * huge-method limit. A chunk loads sp and gas from the frame into locals, switches on
 * {@code pc} to the block (a {@code lookupswitch} over its entry blocks: pc 0, JUMPDESTs,
 * resumption points after calls, its first block), runs blocks with plain {@code goto}s between
 * blocks of the same chunk (moving the words the target carries in locals, see
 * {@link CarryAnalysis}; the switch enters such a block through a stub that loads them from the
 * array), and returns the next pc (&ge; 0) when control leaves for another
 * chunk, or {@code -DONE} / {@code -SUSPEND}. A run of lone JUMPDESTs has no code or switch keys
 * of its own: a pc the switch does not find is checked against the chunk's runs, and one shared
 * entry per run charges their gas ({@link JumpDestRuns}).
 * {@code run} loops over a dispatcher that finds the
 * chunk owning a pc by a binary tree of comparisons with the chunks' first pcs; with more than
 * {@link #DISPATCH_FANOUT} chunks it is split into sub-dispatchers, so every method stays small.
 *
 * <p><b>Suspension and resumption.</b> A CALL/CREATE block writes every value to the frame, sets
 * {@code f.pc} to the next instruction and returns {@code -SUSPEND}. The block starting there is an
 * entry of its chunk's switch, so the next {@code run} (with the child's result pushed on the
 * frame's stack) enters it directly. No Java frame stays behind across a call.
 */
public final class ClassEmitter {
  /** Most bytes of bytecode in one chunk method: well under HotSpot's 8000-byte limit. */
  public static final int CHUNK_BUDGET = 6000;
  /** Fixed bytes of a chunk besides its blocks (prologue, exit, halt stubs, switch header). */
  static final int CHUNK_OVERHEAD = 160;
  /** Most targets of one dispatcher method. */
  public static final int DISPATCH_FANOUT = 64;

  private static final String FRAME = Type.getInternalName(Frame.class);
  private static final String HOST = Type.getInternalName(Host.class);
  private static final String CHUNK_DESC = "(L" + FRAME + ";L" + HOST + ";I)I";

  /** A single block would not fit a chunk: analyse again with shorter blocks. */
  public static final class BlockTooLargeException extends RuntimeException {
    public BlockTooLargeException(int pc, int size) {
      super("block at pc " + pc + " needs " + size + " bytes of bytecode", null, false, false);
    }
  }

  /** What {@link #emit} made. */
  public record Output(byte[] classBytes, int chunks, int dispatchers) {}

  /** The class-file version every generated class has (Java 21: the oldest JVM evmjit runs on). */
  public static final int CLASS_FILE_VERSION = V21;

  private final String className;
  private final byte[] code;
  private final Fork fork;
  private final BlockAnalysis analysis;
  private final boolean registerValues;
  private final int chunkBudget;
  /** Per block (by index): the depths it takes in carry locals at its label ({@link CarryAnalysis}). */
  private final int[] carries;
  /** Lone JUMPDESTs, which get no code of their own ({@link JumpDestRuns}). */
  private final JumpDestRuns runs;
  /** Targets of dynamic jumps, entered like constant ones (none without registerValues: the plain reference mode). */
  private final JumpTargets jumps;
  private ClassWriter cw;
  private int dispatchers;

  public ClassEmitter(String className, byte[] code, Fork fork, BlockAnalysis analysis, boolean registerValues) {
    this(className, code, fork, analysis, registerValues, CHUNK_BUDGET);
  }

  /**
   * @param chunkBudget most estimated bytes per chunk method ({@link #CHUNK_BUDGET} by default; the
   *     compiler retries with less when a chunk still came out over HotSpot's limit)
   */
  public ClassEmitter(String className, byte[] code, Fork fork, BlockAnalysis analysis, boolean registerValues,
      int chunkBudget) {
    this.className = className;
    this.code = code;
    this.fork = fork;
    this.analysis = analysis;
    this.registerValues = registerValues;
    this.chunkBudget = chunkBudget;
    this.jumps = registerValues ? JumpTargets.analyze(analysis, code) : null;
    this.carries = registerValues
        ? CarryAnalysis.carries(analysis, code, jumps, MAX_CARRIED_DEPTH)
        : new int[analysis.blocks().size()];
    this.runs = new JumpDestRuns(analysis);
  }

  /**
   * Carried words are at depths below this: bounds the moves at each jump (up to 4 limbs per
   * word) and the longs live across labels.
   */
  static final int MAX_CARRIED_DEPTH = 8;

  /** The pcs the dynamic jump ending {@code b} may go to (sorted), empty when unknown. */
  private int[] resolved(Block b) {
    int[] t = jumps == null ? null : jumps.targets(b);
    return t == null ? new int[0] : t;
  }

  public Output emit() {
    List<List<Block>> chunks = partition();
    // Stack map frames are declared by the emitters (every join point has the same simple
    // frame, see BlockEmitter.CHUNK_FRAME_LOCALS); ASM's frame inference was most of the
    // compile time of large codes. The verifier checks them when the class is defined.
    cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    cw.visit(CLASS_FILE_VERSION, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, className, null, "java/lang/Object",
        new String[] {Type.getInternalName(CompiledCode.class)});
    constructor();
    List<Target> targets = new ArrayList<>();
    for (int i = 0; i < chunks.size(); i++) {
      targets.add(new Target(chunks.get(i).get(0).start(), "c" + i));
    }
    run();
    dispatcher("d", targets);
    for (int i = 0; i < chunks.size(); i++) {
      chunk("c" + i, chunks.get(i));
    }
    cw.visitEnd();
    return new Output(cw.toByteArray(), chunks.size(), dispatchers);
  }

  // ---- partition into chunks ----

  private List<List<Block>> partition() {
    SizeCounter counter = new SizeCounter();
    SizingTargets sizingTargets = new SizingTargets(analysis, carries, this::resolved);
    BlockEmitter sizing = new BlockEmitter(counter, sizingTargets, registerValues, code, fork);
    List<List<Block>> chunks = new ArrayList<>();
    List<Block> current = new ArrayList<>();
    int size = CHUNK_OVERHEAD;
    // a run's range check, its shared entry (in the larger, exiting form) and a member's stub
    counter.reset();
    sizing.inRun(0, 0, sizingTargets.anywhere);
    sizing.jumpDestRun(2, 0, null);
    sizing.enterAt(0, sizingTargets.anywhere);
    int runSize = counter.size();
    Block previous = null;
    for (Block b : analysis.blocks()) {
      boolean member = runs.member(b);
      boolean continuesRun = member && previous != null && runs.member(previous);
      counter.reset();
      if (!member) {
        sizing.emit(b);
        if (carries[b.index()] > 0) {
          sizing.loadingEntry(carries[b.index()], sizingTargets.anywhere); // and its switch entry below
        }
      }
      int blockSize = member ? (continuesRun ? 0 : runSize) : counter.size() + 8; // + its switch key
      if (blockSize + CHUNK_OVERHEAD > chunkBudget) {
        throw new BlockTooLargeException(b.start(), blockSize);
      }
      if (!current.isEmpty() && size + blockSize > chunkBudget) {
        chunks.add(current);
        current = new ArrayList<>();
        size = CHUNK_OVERHEAD;
      }
      current.add(b);
      size += blockSize;
      previous = b;
    }
    chunks.add(current);
    return chunks;
  }

  /**
   * Targets for sizing: every jump leaves the method, after moving what the target carries if it
   * were in the same one (the larger form, see {@code ControlFlowEmitter#leaveTo}).
   */
  private static final class SizingTargets implements BlockEmitter.Targets {
    private final BlockAnalysis analysis;
    private final int[] carries;
    private final Function<Block, int[]> jumps;
    /** Every target: a size counter never places or reads a label. */
    private final Label anywhere = new Label();

    SizingTargets(BlockAnalysis analysis, int[] carries, Function<Block, int[]> jumps) {
      this.analysis = analysis;
      this.carries = carries;
      this.jumps = jumps;
    }

    @Override public Label local(int pc) { return null; }
    @Override public int carry(int pc) {
      Block b = analysis.blockAt(pc);
      return b == null ? 0 : carries[b.index()];
    }
    @Override public Label loading(int pc) { return anywhere; }
    @Override public boolean sizing() { return true; }
    @Override public Label dispatch() { return anywhere; }
    @Override public Label exit() { return anywhere; }
    @Override public Label halt(HaltReason reason) { return anywhere; }
    @Override public Label returnNegated() { return anywhere; }
    @Override public boolean isJumpDest(long pc) { return analysis.isJumpDest(pc); }
    @Override public int[] resolved(Block b) { return jumps.apply(b); }
  }

  // ---- methods ----

  private void constructor() {
    MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "<init>", "()V", null, null);
    mv.visitCode();
    mv.visitVarInsn(ALOAD, 0);
    mv.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
    mv.visitInsn(RETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  /** {@code run(f, h)}: loop calling the dispatcher until a chunk returns -DONE or -SUSPEND. */
  private void run() {
    MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_FINAL, "run",
        "(L" + FRAME + ";L" + HOST + ";)I", null, null);
    mv.visitCode();
    mv.visitVarInsn(ALOAD, 1);
    Refs.FRAME_PC.emit(mv);
    mv.visitVarInsn(ISTORE, 3);
    Label loop = new Label();
    mv.visitLabel(loop);
    mv.visitFrame(F_APPEND, 1, new Object[] {INTEGER}, 0, null);
    mv.visitVarInsn(ALOAD, 1);
    mv.visitVarInsn(ALOAD, 2);
    mv.visitVarInsn(ILOAD, 3);
    mv.visitMethodInsn(INVOKESTATIC, className, "d", CHUNK_DESC, false);
    mv.visitInsn(DUP);
    mv.visitVarInsn(ISTORE, 3);
    mv.visitJumpInsn(IFGE, loop);
    mv.visitVarInsn(ILOAD, 3);
    mv.visitInsn(INEG);
    mv.visitInsn(IRETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  private record Target(int start, String method) {}

  /** A dispatcher over {@code targets} (sorted by start pc), split when it has too many. */
  private void dispatcher(String name, List<Target> targets) {
    dispatchers++;
    List<Target> direct = targets;
    if (targets.size() > DISPATCH_FANOUT) {
      int groups = (targets.size() + DISPATCH_FANOUT - 1) / DISPATCH_FANOUT;
      int per = (targets.size() + groups - 1) / groups;
      direct = new ArrayList<>();
      for (int g = 0; g * per < targets.size(); g++) {
        List<Target> part = targets.subList(g * per, Math.min(targets.size(), (g + 1) * per));
        String sub = name + "_" + g;
        direct.add(new Target(part.get(0).start(), sub));
        dispatcher(sub, part);
      }
    }
    MethodVisitor mv = cw.visitMethod(ACC_PRIVATE | ACC_STATIC, name, CHUNK_DESC, null, null);
    mv.visitCode();
    tree(mv, direct, 0, direct.size() - 1);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  private void tree(MethodVisitor mv, List<Target> t, int lo, int hi) {
    if (lo == hi) {
      mv.visitVarInsn(ALOAD, 0);
      mv.visitVarInsn(ALOAD, 1);
      mv.visitVarInsn(ILOAD, 2);
      mv.visitMethodInsn(INVOKESTATIC, className, t.get(lo).method(), CHUNK_DESC, false);
      mv.visitInsn(IRETURN);
      return;
    }
    int mid = (lo + hi + 1) >>> 1;
    Label right = new Label();
    mv.visitVarInsn(ILOAD, 2);
    mv.visitLdcInsn(t.get(mid).start());
    mv.visitJumpInsn(IF_ICMPGE, right);
    tree(mv, t, lo, mid - 1);
    mv.visitLabel(right);
    mv.visitFrame(F_SAME, 0, null, 0, null);
    tree(mv, t, mid, hi);
  }

  /** One chunk: prologue, entry switch, its blocks, exit and halt stubs. */
  private void chunk(String name, List<Block> blocks) {
    MethodVisitor mv = cw.visitMethod(ACC_PRIVATE | ACC_STATIC, name, CHUNK_DESC, null, null);
    mv.visitCode();
    ChunkTargets targets = new ChunkTargets(blocks, analysis, carries, runs, this::resolved);
    BlockEmitter emitter = new BlockEmitter(mv, targets, registerValues, code, fork);
    Label start = new Label();
    mv.visitLabel(start);
    mv.visitVarInsn(ALOAD, BlockEmitter.L_FRAME);
    Refs.FRAME_STACK.emit(mv);
    mv.visitVarInsn(ASTORE, BlockEmitter.L_STACK);
    mv.visitVarInsn(ALOAD, BlockEmitter.L_FRAME);
    Refs.FRAME_SP.emit(mv);
    mv.visitInsn(ICONST_2);
    mv.visitInsn(ISHL);
    mv.visitVarInsn(ISTORE, BlockEmitter.L_TOP);
    mv.visitVarInsn(ALOAD, BlockEmitter.L_FRAME);
    Refs.FRAME_GAS.emit(mv);
    mv.visitVarInsn(LSTORE, BlockEmitter.L_GAS);
    mv.visitInsn(ICONST_0);
    mv.visitVarInsn(ISTORE, BlockEmitter.L_TMP);

    // Entry switch: also the target of dynamic jumps within the chunk.
    mv.visitLabel(targets.dispatch);
    emitter.frame(0);
    List<Block> entries = new ArrayList<>();
    boolean hasRuns = false;
    for (int i = 0; i < blocks.size(); i++) {
      hasRuns |= runs.member(blocks.get(i));
      if ((i == 0 || blocks.get(i).entry()) && !runs.member(blocks.get(i))) {
        entries.add(blocks.get(i));
      }
    }
    int[] keys = new int[entries.size()];
    Label[] keyLabels = new Label[entries.size()];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = entries.get(i).start();
      keyLabels[i] = targets.switchEntry(keys[i]);
    }
    mv.visitVarInsn(ILOAD, BlockEmitter.L_PC);
    // a pc it does not find may be in a run of lone JUMPDESTs (see JumpDestRuns)
    Label notFound = hasRuns ? new Label() : targets.exit;
    mv.visitLookupSwitchInsn(notFound, keys, keyLabels);

    BlockEmitter.Link[] links = links(blocks);
    for (int i = 0; i < blocks.size(); i++) {
      Block b = blocks.get(i);
      if (runs.member(b)) {
        continue;
      }
      if (!links[i].carriedIn()) {
        mv.visitLabel(targets.local(b.start()));
        emitter.frame(carries[b.index()]);
      }
      emitter.emit(b, links[i]);
    }

    // Runs of lone JUMPDESTs: the range checks of the pcs the switch did not find, each run's
    // shared entry, and the stubs of members entered from the previous block.
    if (hasRuns) {
      mv.visitLabel(notFound);
      emitter.frame(0);
      for (int i = 0; i < blocks.size(); i++) {
        if (runs.startsRun(blocks, i)) {
          emitter.inRun(blocks.get(i).start(), runs.runEnd(blocks, i), targets.runEntries[i]);
        }
      }
      mv.visitJumpInsn(GOTO, targets.exit);
    }
    for (int i = 0; i < blocks.size(); i++) {
      Block b = blocks.get(i);
      if (runs.startsRun(blocks, i)) {
        int end = runs.runEnd(blocks, i);
        mv.visitLabel(targets.runEntries[i]);
        emitter.frame(0);
        emitter.jumpDestRun(b.staticGas(), end, targets.local(end) == null ? null : targets.switchEntry(end));
      }
      if (runs.enteredFromPrevious(blocks, i)) {
        mv.visitLabel(targets.labels[i]);
        emitter.frame(0);
        emitter.enterAt(b.start(), targets.runEntries[i]);
      }
    }

    // Entries of carrying blocks from the array (the switch, predecessors that cannot move).
    for (Block b : blocks) {
      Label loading = targets.loadings[b.index() - targets.first];
      if (loading != null) {
        mv.visitLabel(loading);
        emitter.frame(0);
        emitter.loadingEntry(carries[b.index()], targets.local(b.start()));
      }
    }

    // Exit to another chunk: pc local holds the next pc.
    mv.visitLabel(targets.exit);
    emitter.frame(0);
    mv.visitVarInsn(ALOAD, BlockEmitter.L_FRAME);
    mv.visitVarInsn(ILOAD, BlockEmitter.L_TOP);
    mv.visitInsn(ICONST_2);
    mv.visitInsn(ISHR);
    Refs.FRAME_SP.emitPut(mv);
    mv.visitVarInsn(ALOAD, BlockEmitter.L_FRAME);
    mv.visitVarInsn(LLOAD, BlockEmitter.L_GAS);
    Refs.FRAME_GAS.emitPut(mv);
    mv.visitVarInsn(ILOAD, BlockEmitter.L_PC);
    mv.visitInsn(IRETURN);

    if (targets.returnNegatedUsed) {
      mv.visitLabel(targets.returnNegated);
      emitter.frame(0, INTEGER);
      mv.visitInsn(INEG);
      mv.visitInsn(IRETURN);
    }
    for (Map.Entry<HaltReason, Label> halt : targets.halts.entrySet()) {
      mv.visitLabel(halt.getValue());
      emitter.frame(0);
      mv.visitVarInsn(ALOAD, BlockEmitter.L_FRAME);
      mv.visitFieldInsn(GETSTATIC, Type.getInternalName(HaltReason.class), halt.getKey().name(),
          Type.getDescriptor(HaltReason.class));
      Refs.FRAME_HALT.emit(mv);
      mv.visitInsn(INEG);
      mv.visitInsn(IRETURN);
    }
    declareCarryLocals(mv, blocks, start);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  /**
   * Declares the deepest carry local of the chunk's blocks in the local variable table, so that
   * the computed {@code max_locals} covers every stack map frame even when a carrying block is
   * unreachable (then no instruction stores its carry locals, but its label's frame names them).
   */
  private void declareCarryLocals(MethodVisitor mv, List<Block> blocks, Label start) {
    int mask = 0;
    for (Block b : blocks) {
      mask |= carries[b.index()];
    }
    if (mask != 0) {
      Label end = new Label();
      mv.visitLabel(end);
      int deepest = 31 - Integer.numberOfLeadingZeros(mask);
      mv.visitLocalVariable("carry" + deepest, "J", null, start, end, StackModel.carryLocal(deepest, 3));
    }
  }

  /**
   * Chains of blocks within a chunk: block i is chained to block i+1 when it falls through into
   * it. A chain is entered at any of its blocks and then runs to its last block unless it halts
   * exceptionally (every block but the last falls through), so the entry checks the stack
   * bounds and charges the static gas of the whole rest of the chain, and a fall-through skips
   * the next block's checks. <b>Sound</b> for the reason checks at block entry are: an
   * exceptional halt consumes all gas and undoes the frame wherever it is detected, and the
   * interpreter would halt somewhere in the same chain; instructions that observe the gas left
   * add back the early charge ({@link BlockEmitter.Link#gasRest()}), and calls and creates end
   * their chain. A chained block that is not an entry (a straight-line run split for size) is
   * reached only by that fall-through, so it also keeps the previous block's values in
   * locals ("carried": no flush, no reload, no label).
   */
  private BlockEmitter.Link[] links(List<Block> blocks) {
    int n = blocks.size();
    BlockEmitter.Link[] links = new BlockEmitter.Link[n];
    Label[] bodies = new Label[n];
    boolean[] carried = new boolean[n];
    for (int i = 1; i < n; i++) {
      if (chained(blocks, i - 1)) {
        carried[i] = registerValues && !blocks.get(i).entry();
        bodies[i] = carried[i] ? null : new Label();
      }
    }
    long gas = 0;
    int min = 0, max = 0;
    for (int i = n - 1; i >= 0; i--) {
      Block b = blocks.get(i);
      long rest = 0;
      if (chained(blocks, i)) {
        rest = gas;
        gas += b.staticGas();
        min = Math.max(b.minHeight(), min - b.netHeight());
        max = Math.min(Frame.MAX_STACK + 1, Math.max(b.maxHeight(), b.netHeight() + max));
      } else {
        gas = b.staticGas();
        min = b.minHeight();
        max = b.maxHeight();
      }
      boolean carryOut = i + 1 < n && carried[i + 1];
      links[i] = new BlockEmitter.Link(gas, min, max, rest, carried[i], carryOut, bodies[i],
          i + 1 < n ? bodies[i + 1] : null);
    }
    return links;
  }

  /**
   * Whether block i of the chunk falls through into block i+1 of the same chunk, neither of
   * them a lone JUMPDEST without code ({@link JumpDestRuns}).
   */
  private boolean chained(List<Block> blocks, int i) {
    return i + 1 < blocks.size() && blocks.get(i).end() == Block.End.FALL_THROUGH
        && blocks.get(i).next() == blocks.get(i + 1).start()
        && !runs.member(blocks.get(i)) && !runs.member(blocks.get(i + 1));
  }

  /**
   * The labels of one chunk's blocks, by block index relative to its first block (a block of
   * another chunk has none), found through {@link BlockAnalysis#blockAt}. A lone JUMPDEST
   * ({@link JumpDestRuns}) has the shared entry of its run, and a label only when the previous
   * block reaches it directly (its stub); known jumps to the others leave through the exit.
   */
  private static final class ChunkTargets implements BlockEmitter.Targets {
    final BlockAnalysis analysis;
    final int first;
    final Label[] labels;
    final Label[] loadings;
    /** Per lone JUMPDEST: its run's shared entry; null for other blocks. */
    final Label[] runEntries;
    final int[] carries;
    final Label dispatch = new Label();
    final Label exit = new Label();
    final Label returnNegated = new Label();
    boolean returnNegatedUsed;
    final EnumMap<HaltReason, Label> halts = new EnumMap<>(HaltReason.class);
    final Function<Block, int[]> jumps;

    ChunkTargets(List<Block> blocks, BlockAnalysis analysis, int[] carries, JumpDestRuns runs,
        Function<Block, int[]> jumps) {
      this.analysis = analysis;
      this.first = blocks.get(0).index();
      this.labels = new Label[blocks.size()];
      this.loadings = new Label[blocks.size()];
      this.runEntries = new Label[blocks.size()];
      this.carries = carries;
      this.jumps = jumps;
      for (int i = 0; i < labels.length; i++) {
        if (!runs.member(blocks.get(i))) {
          labels[i] = new Label();
        } else {
          runEntries[i] = runs.startsRun(blocks, i) ? new Label() : runEntries[i - 1];
          labels[i] = runs.enteredFromPrevious(blocks, i) ? new Label() : null;
        }
      }
    }

    /** Where the pc switch enters the block at {@code pc} of this chunk, with every word in the array. */
    Label switchEntry(int pc) {
      int i = slot(pc);
      if (runEntries[i] != null) {
        return runEntries[i];
      }
      return carries[first + i] > 0 ? loading(pc) : labels[i];
    }

    /** The position in this chunk of the block starting at {@code pc}, or -1. */
    private int slot(int pc) {
      Block b = analysis.blockAt(pc);
      int i = b == null ? -1 : b.index() - first;
      return i >= 0 && i < labels.length ? i : -1;
    }

    @Override public int carry(int pc) {
      int i = slot(pc);
      return i < 0 || runEntries[i] != null ? 0 : carries[first + i];
    }
    @Override public Label loading(int pc) {
      int i = slot(pc);
      if (loadings[i] == null) {
        loadings[i] = new Label();
      }
      return loadings[i];
    }
    @Override public boolean sizing() { return false; }
    @Override public int[] resolved(Block b) { return jumps.apply(b); }

    @Override public Label local(int pc) {
      int i = slot(pc);
      return i < 0 ? null : labels[i];
    }
    @Override public Label dispatch() { return dispatch; }
    @Override public Label exit() { return exit; }
    @Override public Label halt(HaltReason reason) { return halts.computeIfAbsent(reason, r -> new Label()); }
    @Override public Label returnNegated() {
      returnNegatedUsed = true;
      return returnNegated;
    }
    @Override public boolean isJumpDest(long pc) { return analysis.isJumpDest(pc); }
  }
}
