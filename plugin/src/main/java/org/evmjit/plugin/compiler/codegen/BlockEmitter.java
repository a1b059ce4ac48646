package org.evmjit.plugin.compiler.codegen;

import static org.evmjit.evm.opcode.Opcodes.*;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ARRAYLENGTH;
import static org.objectweb.asm.Opcodes.DUP2;
import static org.objectweb.asm.Opcodes.GETSTATIC;
import static org.objectweb.asm.Opcodes.GOTO;
import static org.objectweb.asm.Opcodes.I2B;
import static org.objectweb.asm.Opcodes.I2L;
import static org.objectweb.asm.Opcodes.IADD;
import static org.objectweb.asm.Opcodes.ICONST_0;
import static org.objectweb.asm.Opcodes.ICONST_1;
import static org.objectweb.asm.Opcodes.ICONST_2;
import static org.objectweb.asm.Opcodes.IFEQ;
import static org.objectweb.asm.Opcodes.IFLT;
import static org.objectweb.asm.Opcodes.IFNE;
import static org.objectweb.asm.Opcodes.IF_ICMPGT;
import static org.objectweb.asm.Opcodes.IF_ICMPLT;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INEG;
import static org.objectweb.asm.Opcodes.IRETURN;
import static org.objectweb.asm.Opcodes.ISHR;
import static org.objectweb.asm.Opcodes.ISTORE;
import static org.objectweb.asm.Opcodes.L2I;
import static org.objectweb.asm.Opcodes.LADD;
import static org.objectweb.asm.Opcodes.LALOAD;
import static org.objectweb.asm.Opcodes.LAND;
import static org.objectweb.asm.Opcodes.LASTORE;
import static org.objectweb.asm.Opcodes.LCMP;
import static org.objectweb.asm.Opcodes.LCONST_0;
import static org.objectweb.asm.Opcodes.LCONST_1;
import static org.objectweb.asm.Opcodes.LLOAD;
import static org.objectweb.asm.Opcodes.LOR;
import static org.objectweb.asm.Opcodes.LSTORE;
import static org.objectweb.asm.Opcodes.LSUB;
import static org.objectweb.asm.Opcodes.LXOR;

import org.evmjit.evm.frame.CallKind;
import org.evmjit.evm.frame.Frame;
import org.evmjit.evm.frame.HaltReason;
import org.evmjit.evm.opcode.OpcodeInfo;
import org.evmjit.evm.opcode.OpcodeTable;
import org.evmjit.plugin.compiler.analysis.Block;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * Emits the JVM code of one basic block into a block method (a "chunk").
 *
 * <p><b>Shape.</b> At the block's label the invariant holds: every stack word is in
 * {@code f.stack} below {@code top} (= sp * 4, a local), {@code gas} (a local) is the gas left.
 * The block first checks its summed stack bounds and charges its summed static gas, then runs
 * its instructions against a compile-time model of the stack ({@link #slots}): a slot is either
 * in the array (null) or a {@link Value} whose limbs are constants or JVM locals. PUSH, DUP,
 * SWAP, POP, bitwise and comparison operations, ADD/SUB, MLOAD/MSTORE, GAS/PC/MSIZE and jump
 * conditions work on those values without touching the array; constant operands are folded
 * ({@link ConstantFolder}), so {@code PUSH target JUMP} becomes a direct {@code goto}. Values
 * are written to the array ("flushed") only where something reads the array: operands of a
 * {@code Uint256} or {@code Instructions} call (just those slots), and everything at the block's
 * end, at calls and creates (the frame suspends: values below the call's operands must be in
 * the frame to survive), and when too many locals are live. {@code top} is not changed inside a
 * block; it moves by the block's net growth at exit.
 *
 * <p>Without {@code registerValues} every slot is flushed after every instruction: the plain
 * array-based compiler, kept as a reference mode that the tests run too.
 */
final class BlockEmitter {
  // Local variables of a chunk method.
  static final int L_FRAME = 0;
  static final int L_HOST = 1;
  static final int L_PC = 2;
  static final int L_STACK = 3;
  static final int L_TOP = 4;
  static final int L_GAS = 5;
  static final int L_TMP = 7;
  static final int FIRST_VALUE_LOCAL = 8;
  /**
   * The verifier's view of a chunk's locals wherever control can join (every label): the fixed
   * locals only. Value locals never live across a label: a block's values are flushed before
   * any jump and each block stores a value local before loading it.
   */
  static final Object[] CHUNK_FRAME_LOCALS = {
      Type.getInternalName(Frame.class), Type.getInternalName(org.evmjit.evm.host.Host.class),
      org.objectweb.asm.Opcodes.INTEGER, "[J", org.objectweb.asm.Opcodes.INTEGER,
      org.objectweb.asm.Opcodes.LONG, org.objectweb.asm.Opcodes.INTEGER};

  /**
   * Declares the first stack map frame of a chunk (at its dispatch label, before any other
   * label): the fixed locals, an empty stack.
   */
  static void firstFrame(MethodVisitor mv) {
    mv.visitFrame(org.objectweb.asm.Opcodes.F_FULL, CHUNK_FRAME_LOCALS.length, CHUNK_FRAME_LOCALS, 0, null);
  }

  /**
   * Declares the stack map frame at a label just visited, after {@link #firstFrame}: the same
   * locals, and {@code stack} (nothing, or one int) on the operand stack. Compressed frames,
   * so writing one costs ASM no type lookups.
   */
  static void frame(MethodVisitor mv, Object... stack) {
    if (stack.length == 0) {
      mv.visitFrame(org.objectweb.asm.Opcodes.F_SAME, 0, null, 0, null);
    } else {
      mv.visitFrame(org.objectweb.asm.Opcodes.F_SAME1, 0, null, 1, stack);
    }
  }

  /** Flush everything once this many long limbs are in locals, to bound a method's locals. */
  static final int MAX_LIMB_LOCALS = 96;

  private static final int SLOT_BASE = 1100;

  /** Where control goes, for the block being emitted. */
  interface Targets {
    /** The label of the block at {@code pc} when it is in the same method, else null. */
    Label local(int pc);

    /** The method's dynamic dispatch: {@code pc} local holds a valid pc. */
    Label dispatch();

    /** Exit to the dispatcher with {@code pc} local as the next pc. */
    Label exit();

    /** Halt stub for {@code reason}. */
    Label halt(HaltReason reason);

    /** Stub returning the negated int on the JVM stack (an instruction's non-CONTINUE result). */
    Label returnNegated();

    /** Whether {@code pc} is a valid jump destination of the code. */
    boolean isJumpDest(long pc);
  }

  private final MethodVisitor mv;
  private final Targets targets;
  private final boolean registerValues;
  private final int codeLength;
  private final byte[] code;
  private final org.evmjit.evm.fork.Fork fork;

  private final Value[] slots = new Value[SLOT_BASE + 1200];
  /**
   * Per slot: its {@link Value} is also in the stack array (loaded from there and not changed
   * since), so a flush need not write it. Cleared whenever the slot is set.
   */
  private final boolean[] clean = new boolean[SLOT_BASE + 1200];
  private int height;
  private int lowestVirtual;
  private int nextLocal;
  /** Static gas of the blocks chained after the current one (charged early with it). */
  private long gasRest;
  private int lowestTouched = Integer.MAX_VALUE;
  private int highestTouched = Integer.MIN_VALUE;

  BlockEmitter(MethodVisitor mv, Targets targets, boolean registerValues, byte[] code,
      org.evmjit.evm.fork.Fork fork) {
    this.mv = mv;
    this.targets = targets;
    this.registerValues = registerValues;
    this.code = code;
    this.codeLength = code.length;
    this.fork = fork;
  }

  /** Largest local index used so far plus one (for sizing). */
  int maxLocals() {
    return nextLocal;
  }

  /**
   * How the chunk links a block to its neighbours (see {@code ClassEmitter}'s chains).
   *
   * @param gas static gas charged at the block's entry: its own, plus that of the blocks it is
   *     chained to
   * @param minHeight least entry height for the block and the blocks chained after it
   * @param maxHeight greatest growth over the block and the blocks chained after it
   * @param gasRest static gas of the chained blocks after this one, charged early: what an
   *     instruction observing gas adds back besides {@link Block#gasAfter()}
   * @param carriedIn entered only by falling through from the previous block, which left its
   *     values in the model (no label, no checks, nothing reloaded)
   * @param carryOut falls through into a carried block: leave the values as they are
   * @param body label after the entry checks, where a chained predecessor falls through (or null)
   * @param nextBody the next block's body label when this block is chained to it (or null)
   */
  record Link(long gas, int minHeight, int maxHeight, long gasRest, boolean carriedIn,
      boolean carryOut, Label body, Label nextBody) {
    /** A block on its own: its own checks, nothing chained. */
    static Link of(Block b) {
      return new Link(b.staticGas(), b.minHeight(), b.maxHeight(), 0, false, false, null, null);
    }
  }

  /** Most values kept in the model across a carried block boundary; more are flushed there. */
  static final int MAX_CARRIED_VALUES = 32;

  void emit(Block b) {
    emit(b, Link.of(b));
  }

  void emit(Block b, Link link) {
    if (link.carriedIn()) {
      // Bound what a long run of carried blocks keeps virtual (and how far height drifts), so
      // no block's final flush grows without limit.
      if (Math.abs(height) > 256
          || (lowestVirtual != Integer.MAX_VALUE && height - lowestVirtual > MAX_CARRIED_VALUES)) {
        flushAll();
        moveTop();
        nextLocal = FIRST_VALUE_LOCAL;
      }
    } else {
      height = 0;
      lowestVirtual = Integer.MAX_VALUE;
      nextLocal = FIRST_VALUE_LOCAL;
      if (highestTouched >= lowestTouched) {
        java.util.Arrays.fill(slots, SLOT_BASE + lowestTouched, SLOT_BASE + highestTouched + 1, null);
        java.util.Arrays.fill(clean, SLOT_BASE + lowestTouched, SLOT_BASE + highestTouched + 1, false);
      }
      lowestTouched = Integer.MAX_VALUE;
      highestTouched = Integer.MIN_VALUE;
      boolean checks = prologue(link);
      if (link.body() != null) {
        mv.visitLabel(link.body());
        if (checks) { // else the entry label's frame is at the same offset
          frame(mv);
        }
      }
    }
    gasRest = link.gasRest();
    int n = b.size();
    if (n == 0) { // the end of the code: STOP
      stop();
      return;
    }
    for (int i = 0; i < n; i++) {
      if (nextLocal - FIRST_VALUE_LOCAL > 2 * MAX_LIMB_LOCALS) {
        flushAll();
        nextLocal = FIRST_VALUE_LOCAL;
      }
      instruction(b, i);
      if (!registerValues) {
        flushAll();
      }
    }
    if (b.end() == Block.End.FALL_THROUGH) {
      if (link.carryOut()) {
        return; // the next block's code follows directly, with this model
      }
      flushAll();
      moveTop();
      if (link.nextBody() != null) {
        mv.visitJumpInsn(GOTO, link.nextBody());
      } else {
        jumpTo(Math.min(b.next(), codeLength));
      }
    }
  }

  // ---- block entry ----

  /** The entry checks of the link; false when there are none (no code emitted). */
  private boolean prologue(Link b) {
    if (b.minHeight() > 0) {
      mv.visitVarInsn(ILOAD, L_TOP);
      pushInt(4 * b.minHeight());
      mv.visitJumpInsn(IF_ICMPLT, targets.halt(HaltReason.STACK_UNDERFLOW));
    }
    if (b.maxHeight() > 0) {
      mv.visitVarInsn(ILOAD, L_TOP);
      pushInt(4 * (Frame.MAX_STACK - b.maxHeight()));
      mv.visitJumpInsn(IF_ICMPGT, targets.halt(HaltReason.STACK_OVERFLOW));
    }
    if (b.gas() > 0) {
      mv.visitVarInsn(LLOAD, L_GAS);
      pushLong(b.gas());
      mv.visitInsn(LSUB);
      storeGasAndCheck();
    }
    return b.minHeight() > 0 || b.maxHeight() > 0 || b.gas() > 0;
  }

  /** Stores the long on the JVM stack as gas, halting out of gas when negative. */
  private void storeGasAndCheck() {
    mv.visitInsn(DUP2);
    mv.visitVarInsn(LSTORE, L_GAS);
    mv.visitInsn(LCONST_0);
    mv.visitInsn(LCMP);
    mv.visitJumpInsn(IFLT, targets.halt(HaltReason.OUT_OF_GAS));
  }

  // ---- one instruction ----

  private void instruction(Block b, int i) {
    int op = b.ops()[i];
    int pc = b.pcs()[i];
    if (!OpcodeTable.isDefined(op, fork)) {
      halt(HaltReason.INVALID_OPCODE); // checked before the stack and gas, as the interpreter does
      return;
    }
    if (op >= PUSH1 && op <= PUSH32) {
      push(Value.of(pushValue(b, i, op - PUSH1 + 1), 0));
      return;
    }
    if (op >= DUP1 && op <= DUP16) {
      int k = height - (op - DUP1 + 1);
      push(operand(k));
      return;
    }
    if (op >= SWAP1 && op <= SWAP16) {
      int a = height - 1;
      int k = height - 1 - (op - SWAP1 + 1);
      Value top = operand(a);
      Value other = operand(k);
      set(a, other);
      set(k, top);
      return;
    }
    if (ConstantFolder.folds(op) && allConstant(OpcodeTable.info(op).stackIn())) {
      int in = OpcodeTable.info(op).stackIn();
      Value[] operands = new Value[in];
      for (int j = 0; j < in; j++) {
        operands[j] = slot(height - 1 - j);
      }
      height -= in;
      push(ConstantFolder.fold(op, operands));
      return;
    }
    switch (op) {
      case STOP -> stop();
      case POP -> height--;
      case JUMPDEST -> { }
      case PUSH0 -> push(Value.of(0, 0, 0, 0));
      case AND, OR, XOR -> bitwise(op);
      case NOT -> not();
      case ADD -> add();
      case SUB -> sub();
      case LT -> compare(Refs.J_LT, false);
      case GT -> compare(Refs.J_LT, true);
      case SLT -> compare(Refs.J_SLT, false);
      case SGT -> compare(Refs.J_SLT, true);
      case EQ -> compare(Refs.J_EQ, false);
      case ISZERO -> unaryToSmall(Refs.J_ISZERO);
      case CLZ -> unaryToSmall(Refs.U_CLZ);
      case MUL -> {
        if (!shiftByPowerOfTwo(true)) {
          binaryOp(Refs.U_MUL, Refs.J_MUL);
        }
      }
      case DIV -> {
        if (!shiftByPowerOfTwo(false)) {
          binaryOp(Refs.U_DIV, Refs.J_DIV);
        }
      }
      case SDIV -> binaryOp(Refs.U_SDIV, Refs.J_SDIV);
      case MOD -> binaryOp(Refs.U_MOD, Refs.J_MOD);
      case SMOD -> binaryOp(Refs.U_SMOD, Refs.J_SMOD);
      case ADDMOD -> arrayOp(Refs.U_ADDMOD, 3);
      case MULMOD -> arrayOp(Refs.U_MULMOD, 3);
      case SIGNEXTEND -> binaryOp(Refs.U_SIGNEXTEND, Refs.J_SIGNEXTEND);
      case BYTE -> {
        if (!constantByte()) {
          binaryOp(Refs.U_BYTE, Refs.J_BYTE);
        }
      }
      case SHL -> {
        if (!constantShift(true)) {
          binaryOp(Refs.U_SHL, Refs.J_SHL);
        }
      }
      case SHR -> {
        if (!constantShift(false)) {
          binaryOp(Refs.U_SHR, Refs.J_SHR);
        }
      }
      case SAR -> binaryOp(Refs.U_SAR, Refs.J_SAR);
      case PC -> push(Value.of(pc, 0, 0, 0));
      case CODESIZE -> push(Value.of(codeLength, 0, 0, 0));
      case GAS -> gas(b.gasAfter()[i] + gasRest);
      case MSIZE -> {
        mv.visitVarInsn(ALOAD, L_FRAME);
        Refs.FRAME_MEMORY.emit(mv);
        Refs.MEMORY_SIZE.emit(mv);
        mv.visitInsn(I2L);
        push(small(storeNewLocal()));
      }
      case CALLDATASIZE -> {
        mv.visitVarInsn(ALOAD, L_FRAME);
        Refs.FRAME_INPUT.emit(mv);
        mv.visitInsn(ARRAYLENGTH);
        mv.visitInsn(I2L);
        push(small(storeNewLocal()));
      }
      case CALLDATALOAD -> {
        flushRange(height - 1, height);
        mv.visitVarInsn(ALOAD, L_FRAME);
        Refs.FRAME_INPUT.emit(mv);
        mv.visitVarInsn(ALOAD, L_STACK);
        index(height - 1, 0);
        Refs.CALLDATALOAD.emit(mv);
      }
      case ADDRESS, CALLER -> {
        mv.visitVarInsn(ALOAD, L_FRAME);
        (op == ADDRESS ? Refs.FRAME_ADDRESS : Refs.FRAME_CALLER).emit(mv);
        mv.visitVarInsn(ALOAD, L_STACK);
        index(height, 0);
        Refs.ADDRESS_TO_LIMBS.emit(mv);
        pushArraySlot();
      }
      case CALLVALUE -> {
        mv.visitVarInsn(ALOAD, L_FRAME);
        Refs.FRAME_VALUE.emit(mv);
        mv.visitVarInsn(ALOAD, L_STACK);
        index(height, 0);
        Refs.WORD_TO_LIMBS.emit(mv);
        pushArraySlot();
      }
      case MLOAD -> mload(b, i);
      case MSTORE, MSTORE8 -> mstore(op == MSTORE8);
      case JUMP -> jump();
      case JUMPI -> jumpi(b);
      case EXP -> call(op, Refs.EXP, true, 0);
      case KECCAK256 -> call(op, Refs.KECCAK256, false, 0);
      case BALANCE -> call(op, Refs.BALANCE, true, 0);
      case EXTCODESIZE -> call(op, Refs.EXTCODESIZE, true, 0);
      case EXTCODEHASH -> call(op, Refs.EXTCODEHASH, true, 0);
      case EXTCODECOPY -> call(op, Refs.EXTCODECOPY, true, 0);
      case RETURNDATACOPY -> call(op, Refs.RETURNDATACOPY, false, 0);
      case MCOPY -> call(op, Refs.MCOPY, false, 0);
      case BLOCKHASH -> call(op, Refs.BLOCKHASH, true, 0);
      case BLOBHASH -> call(op, Refs.BLOBHASH, true, 0);
      case SLOAD -> call(op, Refs.SLOAD, true, 0);
      // SSTORE reads the gas left (EIP-2200 sentry): give it the interpreter's view.
      case SSTORE -> call(op, Refs.SSTORE, true, b.gasAfter()[i] + gasRest);
      case TLOAD -> call(op, Refs.TLOAD, true, 0);
      case TSTORE -> call(op, Refs.TSTORE, true, 0);
      case LOG0, LOG0 + 1, LOG0 + 2, LOG0 + 3, LOG4 -> {
        callPrologue(op, 0);
        mv.visitVarInsn(ALOAD, L_FRAME);
        mv.visitVarInsn(ALOAD, L_HOST);
        pushInt(op - LOG0);
        Refs.LOG.emit(mv);
        callEpilogue(op, 0);
      }
      case RETURN, REVERT -> {
        callPrologue(op, 0);
        mv.visitVarInsn(ALOAD, L_FRAME);
        mv.visitInsn(op == REVERT ? ICONST_1 : ICONST_0);
        Refs.RETURN_OR_REVERT.emit(mv);
        returnNegated();
      }
      case SELFDESTRUCT -> {
        callPrologue(op, 0);
        mv.visitVarInsn(ALOAD, L_FRAME);
        mv.visitVarInsn(ALOAD, L_HOST);
        Refs.SELFDESTRUCT.emit(mv);
        returnNegated();
      }
      case CALL, CALLCODE, DELEGATECALL, STATICCALL, CREATE, CREATE2 -> suspend(b, op);
      default -> {
        // Rare environment reads (ORIGIN, GASPRICE, COINBASE ...) and copies: the interpreter's
        // own dispatch.
        callPrologue(op, 0);
        pushInt(op);
        mv.visitVarInsn(ALOAD, L_FRAME);
        mv.visitVarInsn(ALOAD, L_HOST);
        Refs.EXECUTE.emit(mv);
        callEpilogue(op, 0);
      }
    }
  }

  // ---- values ----

  private Value slot(int k) {
    return slots[SLOT_BASE + k];
  }

  private void set(int k, Value v) {
    slots[SLOT_BASE + k] = v;
    clean[SLOT_BASE + k] = false;
    lowestTouched = Math.min(lowestTouched, k);
    highestTouched = Math.max(highestTouched, k);
    if (v != null && k < lowestVirtual) {
      lowestVirtual = k;
    }
  }

  private void push(Value v) {
    set(height, v);
    height++;
  }

  /** The next slot was written in the array by the code just emitted. */
  private void pushArraySlot() {
    set(height, null);
    height++;
  }

  private boolean allConstant(int n) {
    for (int j = 1; j <= n; j++) {
      Value v = slot(height - j);
      if (v == null || !v.isConstant()) {
        return false;
      }
    }
    return true;
  }

  /**
   * The value in slot {@code k}, loading it from the array into locals if it is there; the
   * loaded value stays in the slot, marked clean, so a later DUP or use does not load it again.
   */
  private Value operand(int k) {
    Value v = slot(k);
    if (v != null) {
      return v;
    }
    v = new Value();
    for (int i = 0; i < 4; i++) {
      mv.visitVarInsn(ALOAD, L_STACK);
      index(k, i);
      mv.visitInsn(LALOAD);
      v.local[i] = storeNewLocal();
    }
    if (registerValues) {
      set(k, v);
      clean[SLOT_BASE + k] = true;
    }
    return v;
  }

  private Value pop() {
    height--;
    Value v = operand(height);
    set(height, null);
    return v;
  }

  private static Value small(int local) {
    Value v = Value.of(0, 0, 0, 0);
    v.local[0] = local;
    return v;
  }

  private int storeNewLocal() {
    int l = nextLocal;
    nextLocal += 2;
    mv.visitVarInsn(LSTORE, l);
    return l;
  }

  private void loadLimb(Value v, int i) {
    if (v.isConstant(i)) {
      pushLong(v.constant[i]);
    } else {
      mv.visitVarInsn(LLOAD, v.local[i]);
    }
  }

  private void loadAll(Value v) {
    for (int i = 0; i < 4; i++) {
      loadLimb(v, i);
    }
  }

  /** Pushes the array index of limb {@code limb} of slot {@code k}: top + 4k + limb. */
  private void index(int k, int limb) {
    mv.visitVarInsn(ILOAD, L_TOP);
    int off = 4 * k + limb;
    if (off != 0) {
      pushInt(off);
      mv.visitInsn(IADD);
    }
  }

  private void flushRange(int from, int to) {
    for (int k = Math.max(from, lowestVirtual); k < to; k++) {
      Value v = slot(k);
      if (v != null) {
        if (!clean[SLOT_BASE + k]) {
          // s[top + 4k .. +3] = limbs: one compact call (HotSpot inlines it to four stores)
          mv.visitVarInsn(ALOAD, L_STACK);
          index(k, 0);
          loadAll(v);
          Refs.J_PUT.emit(mv);
        }
        slots[SLOT_BASE + k] = null;
        clean[SLOT_BASE + k] = false;
      }
    }
  }

  private void flushAll() {
    if (lowestVirtual != Integer.MAX_VALUE) {
      flushRange(lowestVirtual, height);
      for (int k = Math.max(height, lowestVirtual); k < height + 64 && SLOT_BASE + k < slots.length; k++) {
        slots[SLOT_BASE + k] = null;
        clean[SLOT_BASE + k] = false;
      }
      lowestVirtual = Integer.MAX_VALUE;
    }
  }

  /** Moves {@code top} by the block's net growth so far and resets the model to it. */
  private void moveTop() {
    if (height != 0) {
      mv.visitIincInsn(L_TOP, 4 * height);
    }
    height = 0;
  }

  // ---- register operations ----

  private void bitwise(int op) {
    Value x = pop();
    Value y = pop();
    Value r = new Value();
    for (int i = 0; i < 4; i++) {
      if (x.isConstant(i) && y.isConstant(i)) {
        long a = x.constant[i], c = y.constant[i];
        r.setConstant(i, op == AND ? a & c : op == OR ? a | c : a ^ c);
        continue;
      }
      Value known = x.isConstant(i) ? x : y.isConstant(i) ? y : null;
      Value other = known == x ? y : x;
      if (known != null) {
        long c = known.constant[i];
        if (op == AND && c == 0) {
          r.setConstant(i, 0);
          continue;
        }
        if ((op == AND && c == -1) || (op != AND && c == 0)) {
          r.setLimb(i, other, i);
          continue;
        }
        if (op == OR && c == -1) {
          r.setConstant(i, -1);
          continue;
        }
      }
      loadLimb(x, i);
      loadLimb(y, i);
      mv.visitInsn(op == AND ? LAND : op == OR ? LOR : LXOR);
      r.local[i] = storeNewLocal();
    }
    push(r);
  }

  private void not() {
    Value x = pop();
    Value r = new Value();
    for (int i = 0; i < 4; i++) {
      if (x.isConstant(i)) {
        r.setConstant(i, ~x.constant[i]);
      } else {
        loadLimb(x, i);
        pushLong(-1);
        mv.visitInsn(LXOR);
        r.local[i] = storeNewLocal();
      }
    }
    push(r);
  }

  private void add() {
    Value x = pop();
    Value y = pop();
    Value r = new Value();
    if (x.isSmall() && y.isSmall()) {
      loadLimb(x, 0);
      loadLimb(y, 0);
      mv.visitInsn(LADD);
      r.local[0] = storeNewLocal();
      loadLimb(x, 0);
      loadLimb(y, 0);
      mv.visitVarInsn(LLOAD, r.local[0]);
      Refs.J_CARRY.emit(mv);
      r.local[1] = storeNewLocal();
      push(r);
      return;
    }
    int carry = -1;
    for (int i = 0; i < 4; i++) {
      loadLimb(x, i);
      loadLimb(y, i);
      mv.visitInsn(LADD);
      if (carry >= 0) {
        mv.visitVarInsn(LLOAD, carry);
        mv.visitInsn(LADD);
      }
      r.local[i] = storeNewLocal();
      if (i < 3) {
        loadLimb(x, i);
        loadLimb(y, i);
        mv.visitVarInsn(LLOAD, r.local[i]);
        Refs.J_CARRY.emit(mv);
        carry = storeNewLocal();
      }
    }
    push(r);
  }

  private void sub() {
    Value x = pop();
    Value y = pop();
    Value r = new Value();
    int borrow = -1;
    for (int i = 0; i < 4; i++) {
      loadLimb(x, i);
      loadLimb(y, i);
      mv.visitInsn(LSUB);
      if (borrow >= 0) {
        mv.visitVarInsn(LLOAD, borrow);
        mv.visitInsn(LSUB);
      }
      r.local[i] = storeNewLocal();
      if (i < 3) {
        loadLimb(x, i);
        loadLimb(y, i);
        mv.visitVarInsn(LLOAD, r.local[i]);
        Refs.J_BORROW.emit(mv);
        borrow = storeNewLocal();
      }
    }
    push(r);
  }

  /** LT/GT/SLT/SGT/EQ via a helper returning 0 or 1; {@code swap} for GT/SGT (y &lt; x). */
  private void compare(Ref helper, boolean swap) {
    Value x = pop();
    Value y = pop();
    loadAll(swap ? y : x);
    loadAll(swap ? x : y);
    helper.emit(mv);
    push(small(storeNewLocal()));
  }

  /**
   * ISZERO, CLZ: the operand's limbs (in locals, loaded from the array if there) into a helper
   * returning the small result, which stays in a local.
   */
  private void unaryToSmall(Ref helper) {
    Value x = pop();
    loadAll(x);
    helper.emit(mv);
    push(small(storeNewLocal()));
  }

  private void gas(long compensation) {
    mv.visitVarInsn(LLOAD, L_GAS);
    if (compensation != 0) {
      pushLong(compensation);
      mv.visitInsn(LADD);
    }
    push(small(storeNewLocal()));
  }

  /**
   * A binary {@code Uint256} operation. With both operands in locals or constants, a
   * {@code JitOps} helper writes them where the stack array holds them and runs the same
   * {@code Uint256} method there (compact code, no separate flush); otherwise the operands are
   * flushed and the method runs on the array. The result is left in the array either way.
   */
  private void binaryOp(Ref onArray, Ref onValues) {
    Value x = slot(height - 1);
    Value y = slot(height - 2);
    if (x == null || y == null || !registerValues) {
      arrayOp(onArray, 2);
      return;
    }
    mv.visitVarInsn(ALOAD, L_STACK);
    index(height - 2, 0);
    loadAll(x);
    loadAll(y);
    onValues.emit(mv);
    height -= 2;
    pushArraySlot();
  }

  /**
   * SHL/SHR by a constant amount, computed limb by limb in locals. Exact: a logical shift of a
   * 256-bit value by {@code k < 256} moves limb {@code j} to {@code j ± k/64} with the bits that
   * cross a limb boundary carried into the neighbour; {@code k >= 256} gives zero ({@code Uint256.shl/shr}).
   */
  private boolean constantShift(boolean left) {
    Value amount = slot(height - 1);
    if (amount == null || !amount.isConstant() || !registerValues) {
      return false;
    }
    boolean big = (amount.constant[1] | amount.constant[2] | amount.constant[3]) != 0
        || Long.compareUnsigned(amount.constant[0], 256) >= 0;
    height--;
    Value v = pop();
    push(big ? Value.of(0, 0, 0, 0) : shifted(v, (int) amount.constant[0], left));
    return true;
  }

  /** MUL by a constant 2^k is SHL k, DIV by a constant 2^k is SHR k (mod 2^256, exactly). */
  private boolean shiftByPowerOfTwo(boolean mul) {
    if (!registerValues) {
      return false;
    }
    Value x = slot(height - 1);
    Value y = slot(height - 2);
    int k = powerOfTwo(y);
    Value other = x;
    if (k < 0 && mul) {
      k = powerOfTwo(x);
      other = y;
    }
    if (k < 0 || other == null) {
      return false;
    }
    height -= 2;
    push(shifted(other, k, mul));
    return true;
  }

  /** log2 of a constant power of two, else -1. */
  private static int powerOfTwo(Value v) {
    if (v == null || !v.isConstant()) {
      return -1;
    }
    int limb = -1;
    for (int i = 0; i < 4; i++) {
      if (v.constant[i] != 0) {
        if (limb >= 0 || Long.bitCount(v.constant[i]) != 1) {
          return -1;
        }
        limb = i;
      }
    }
    return limb < 0 ? -1 : 64 * limb + Long.numberOfTrailingZeros(v.constant[limb]);
  }

  private Value shifted(Value v, int k, boolean left) {
    int limbs = k >>> 6, bits = k & 63;
    Value r = new Value();
    for (int i = 0; i < 4; i++) {
      // main part: source limb i -/+ limbs shifted by bits; spill from the neighbour
      int main = left ? i - limbs : i + limbs;
      int spill = left ? main - 1 : main + 1;
      boolean hasMain = main >= 0 && main < 4;
      boolean hasSpill = bits != 0 && spill >= 0 && spill < 4;
      boolean mainZero = !hasMain || v.is(main, 0);
      boolean spillZero = !hasSpill || v.is(spill, 0);
      if (mainZero && spillZero) {
        r.setConstant(i, 0);
        continue;
      }
      if ((mainZero || v.isConstant(main)) && (spillZero || v.isConstant(spill))) {
        long c = 0;
        if (!mainZero) c |= left ? v.constant[main] << bits : v.constant[main] >>> bits;
        if (!spillZero) c |= left ? v.constant[spill] >>> (64 - bits) : v.constant[spill] << (64 - bits);
        r.setConstant(i, c);
        continue;
      }
      if (bits == 0) {
        r.setLimb(i, v, main);
        continue;
      }
      boolean first = true;
      if (!mainZero) {
        loadLimb(v, main);
        pushInt(bits);
        mv.visitInsn(left ? org.objectweb.asm.Opcodes.LSHL : org.objectweb.asm.Opcodes.LUSHR);
        first = false;
      }
      if (!spillZero) {
        loadLimb(v, spill);
        pushInt(64 - bits);
        mv.visitInsn(left ? org.objectweb.asm.Opcodes.LUSHR : org.objectweb.asm.Opcodes.LSHL);
        if (!first) {
          mv.visitInsn(LOR);
        }
      }
      r.local[i] = storeNewLocal();
    }
    return r;
  }

  /** BYTE with a constant index: one limb shifted and masked ({@code Uint256.byteOp}). */
  private boolean constantByte() {
    Value index = slot(height - 1);
    if (index == null || !index.isConstant() || !registerValues) {
      return false;
    }
    boolean out = (index.constant[1] | index.constant[2] | index.constant[3]) != 0
        || Long.compareUnsigned(index.constant[0], 32) >= 0;
    height--;
    Value v = pop();
    if (out) {
      push(Value.of(0, 0, 0, 0));
      return true;
    }
    int k = (int) index.constant[0];
    int limb = 3 - (k >>> 3);
    int shift = (7 - (k & 7)) << 3;
    if (v.isConstant(limb)) {
      push(Value.of((v.constant[limb] >>> shift) & 0xFF, 0, 0, 0));
      return true;
    }
    loadLimb(v, limb);
    pushInt(shift);
    mv.visitInsn(org.objectweb.asm.Opcodes.LUSHR);
    pushLong(0xFF);
    mv.visitInsn(LAND);
    push(small(storeNewLocal()));
    return true;
  }

  /** A {@code Uint256} method on the stack array: operands flushed, result left in the array. */
  private void arrayOp(Ref method, int in) {
    flushRange(height - in, height);
    mv.visitVarInsn(ALOAD, L_STACK);
    index(height - 1, 0);
    index(height - 2, 0);
    if (in == 3) {
      index(height - 3, 0);
    }
    method.emit(mv);
    height -= in;
    pushArraySlot();
  }

  // ---- memory ----

  /**
   * MLOAD, MSTORE, MSTORE8: one {@code JitOps} call each with the offset's limbs, which expands
   * memory when needed and returns the gas left (negative: out of gas). An MLOAD whose word is
   * popped right away only expands.
   */
  private void mload(Block b, int i) {
    Value offset = pop();
    boolean unused = i + 1 < b.size() && b.ops()[i + 1] == POP && registerValues;
    mv.visitVarInsn(ALOAD, L_FRAME);
    mv.visitVarInsn(LLOAD, L_GAS);
    if (unused) {
      loadAll(offset);
      pushLong(32);
      Refs.J_EXPAND.emit(mv);
      storeGasAndCheck();
      push(Value.of(0, 0, 0, 0)); // never read: the POP that follows drops it
      return;
    }
    mv.visitVarInsn(ALOAD, L_STACK);
    index(height, 0);
    loadAll(offset);
    Refs.J_MLOAD.emit(mv);
    storeGasAndCheck();
    pushArraySlot();
  }

  private void mstore(boolean oneByte) {
    Value offset = pop();
    Value v = pop();
    mv.visitVarInsn(ALOAD, L_FRAME);
    mv.visitVarInsn(LLOAD, L_GAS);
    loadAll(offset);
    if (oneByte) {
      loadLimb(v, 0);
      Refs.J_MSTORE8.emit(mv);
    } else {
      loadAll(v);
      Refs.J_MSTORE.emit(mv);
    }
    storeGasAndCheck();
  }

  // ---- control flow ----

  /** Pops a jump target: a constant pc (-1 when invalid) or, for a dynamic one, -2 with the checked pc in local {@code pc}. */
  private int popTarget() {
    Value t = pop();
    if (t.isConstant()) {
      boolean small = t.constant[1] == 0 && t.constant[2] == 0 && t.constant[3] == 0;
      long pc = t.constant[0];
      return small && targets.isJumpDest(pc) ? (int) pc : -1;
    }
    mv.visitVarInsn(ALOAD, L_FRAME);
    Refs.FRAME_CODE.emit(mv);
    loadAll(t);
    Refs.J_JUMP_TARGET.emit(mv);
    mv.visitVarInsn(ISTORE, L_PC);
    return -2;
  }

  private void jumpToTarget(int target) {
    if (target == -1) {
      mv.visitJumpInsn(GOTO, targets.halt(HaltReason.INVALID_JUMP));
    } else if (target == -2) {
      mv.visitVarInsn(ILOAD, L_PC);
      mv.visitJumpInsn(IFLT, targets.halt(HaltReason.INVALID_JUMP));
      mv.visitJumpInsn(GOTO, targets.dispatch());
    } else {
      jumpTo(target);
    }
  }

  private void jump() {
    int target = popTarget();
    if (target != -1) {
      flushAll();
      moveTop();
    }
    jumpToTarget(target);
  }

  private void jumpi(Block b) {
    int target = popTarget();
    Value cond = pop();
    int next = Math.min(b.next(), codeLength);
    if (cond.isConstant()) {
      boolean taken = (cond.constant[0] | cond.constant[1] | cond.constant[2] | cond.constant[3]) != 0;
      if (!(taken && target == -1)) {
        flushAll();
        moveTop();
      }
      if (taken) {
        jumpToTarget(target);
      } else {
        jumpTo(next);
      }
      return;
    }
    boolean first = true;
    for (int i = 0; i < 4; i++) {
      if (cond.is(i, 0)) {
        continue;
      }
      loadLimb(cond, i);
      if (!first) {
        mv.visitInsn(LOR);
      }
      first = false;
    }
    mv.visitInsn(LCONST_0);
    mv.visitInsn(LCMP);
    mv.visitVarInsn(ISTORE, L_TMP);
    flushAll();
    moveTop();
    Label notTaken = new Label();
    mv.visitVarInsn(ILOAD, L_TMP);
    mv.visitJumpInsn(IFEQ, notTaken);
    jumpToTarget(target);
    mv.visitLabel(notTaken);
    frame(mv);
    jumpTo(next);
  }

  /** Continues at the block starting at {@code pc}: a goto in this method, else an exit to the dispatcher. */
  private void jumpTo(int pc) {
    Label l = targets.local(pc);
    if (l != null) {
      mv.visitJumpInsn(GOTO, l);
    } else {
      pushInt(pc);
      mv.visitVarInsn(ISTORE, L_PC);
      mv.visitJumpInsn(GOTO, targets.exit());
    }
  }

  private void halt(HaltReason reason) {
    mv.visitJumpInsn(GOTO, targets.halt(reason));
  }

  private void stop() {
    mv.visitVarInsn(ALOAD, L_FRAME);
    mv.visitVarInsn(LLOAD, L_GAS);
    Refs.FRAME_GAS.emitPut(mv);
    mv.visitVarInsn(ALOAD, L_FRAME);
    Refs.NO_OUTPUT.emit(mv);
    Refs.FRAME_SUCCEED.emit(mv);
    returnNegated();
  }

  private void returnNegated() {
    mv.visitInsn(INEG);
    mv.visitInsn(IRETURN);
  }

  // ---- calls into Instructions ----

  /**
   * Flushes the operands of {@code op} and stores sp and gas in the frame, as the
   * {@code Instructions} contract requires; {@code compensation} is the static gas this block
   * charged early for the instructions after this one, added back while the instruction runs.
   */
  private void callPrologue(int op, long compensation) {
    OpcodeInfo info = OpcodeTable.info(op);
    flushRange(height - info.stackIn(), height);
    storeSp(height);
    mv.visitVarInsn(ALOAD, L_FRAME);
    mv.visitVarInsn(LLOAD, L_GAS);
    if (compensation != 0) {
      pushLong(compensation);
      mv.visitInsn(LADD);
    }
    Refs.FRAME_GAS.emitPut(mv);
  }

  private void storeSp(int h) {
    mv.visitVarInsn(ALOAD, L_FRAME);
    mv.visitVarInsn(ILOAD, L_TOP);
    mv.visitInsn(ICONST_2);
    mv.visitInsn(ISHR);
    if (h != 0) {
      pushInt(h);
      mv.visitInsn(IADD);
    }
    Refs.FRAME_SP.emitPut(mv);
  }

  /** After the call's int result: leaves on non-CONTINUE, reloads gas, applies the stack effect. */
  private void callEpilogue(int op, long compensation) {
    mv.visitInsn(org.objectweb.asm.Opcodes.DUP);
    mv.visitJumpInsn(IFNE, targets.returnNegated());
    mv.visitInsn(org.objectweb.asm.Opcodes.POP);
    mv.visitVarInsn(ALOAD, L_FRAME);
    Refs.FRAME_GAS.emit(mv);
    if (compensation != 0) {
      pushLong(compensation);
      mv.visitInsn(LSUB);
      storeGasAndCheck();
    } else {
      mv.visitVarInsn(LSTORE, L_GAS);
    }
    OpcodeInfo info = OpcodeTable.info(op);
    height -= info.stackIn();
    for (int j = 0; j < info.stackOut(); j++) {
      pushArraySlot();
    }
  }

  private void call(int op, Ref method, boolean withHost, long compensation) {
    callPrologue(op, compensation);
    mv.visitVarInsn(ALOAD, L_FRAME);
    if (withHost) {
      mv.visitVarInsn(ALOAD, L_HOST);
    }
    method.emit(mv);
    callEpilogue(op, compensation);
  }

  /** CALL* and CREATE*: everything to the frame, pc at the resumption point, then suspend. */
  private void suspend(Block b, int op) {
    OpcodeInfo info = OpcodeTable.info(op);
    flushAll();
    storeSp(height);
    mv.visitVarInsn(ALOAD, L_FRAME);
    mv.visitVarInsn(LLOAD, L_GAS);
    Refs.FRAME_GAS.emitPut(mv);
    mv.visitVarInsn(ALOAD, L_FRAME);
    pushInt(b.next());
    Refs.FRAME_PC.emitPut(mv);
    mv.visitVarInsn(ALOAD, L_FRAME);
    mv.visitVarInsn(ALOAD, L_HOST);
    String kind = switch (op) {
      case CALL -> "CALL";
      case CALLCODE -> "CALLCODE";
      case DELEGATECALL -> "DELEGATECALL";
      case STATICCALL -> "STATICCALL";
      case CREATE -> "CREATE";
      default -> "CREATE2";
    };
    mv.visitFieldInsn(GETSTATIC, Type.getInternalName(CallKind.class), kind, Type.getDescriptor(CallKind.class));
    (op == CREATE || op == CREATE2 ? Refs.CREATE : Refs.CALL).emit(mv);
    returnNegated();
    height -= info.stackIn();
  }

  // ---- constants ----

  /** PUSHn's immediate, zero-filled past the end of the code: the interpreter's {@code Instructions.push}. */
  private long[] pushValue(Block b, int i, int n) {
    long[] s = new long[4];
    org.evmjit.evm.interpreter.Instructions.push(s, 0, code, b.pcs()[i] + 1, n);
    return s;
  }

  void pushInt(int v) {
    if (v >= -1 && v <= 5) {
      mv.visitInsn(ICONST_0 + v);
    } else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) {
      mv.visitIntInsn(org.objectweb.asm.Opcodes.BIPUSH, v);
    } else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
      mv.visitIntInsn(org.objectweb.asm.Opcodes.SIPUSH, v);
    } else {
      mv.visitLdcInsn(v);
    }
  }

  void pushLong(long v) {
    if (v == 0) {
      mv.visitInsn(LCONST_0);
    } else if (v == 1) {
      mv.visitInsn(LCONST_1);
    } else {
      mv.visitLdcInsn(v);
    }
  }
}
