package org.evmjit.plugin.compiler.codegen;

import static org.evmjit.evm.opcode.Opcodes.*;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ARRAYLENGTH;
import static org.objectweb.asm.Opcodes.I2L;
import static org.objectweb.asm.Opcodes.LADD;
import static org.objectweb.asm.Opcodes.GOTO;
import static org.objectweb.asm.Opcodes.IF_ICMPLT;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.ISTORE;
import static org.objectweb.asm.Opcodes.LLOAD;
import static org.objectweb.asm.Opcodes.LMUL;
import static org.objectweb.asm.Opcodes.LSUB;

import org.evmjit.evm.frame.Frame;
import org.evmjit.evm.frame.HaltReason;
import org.evmjit.evm.opcode.OpcodeTable;
import org.evmjit.plugin.compiler.analysis.Block;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * Emits the JVM code of one basic block into a block method (a "chunk").
 *
 * <p><b>Shape.</b> At the block's label the invariant holds: every stack word is in
 * {@code f.stack} below {@code top} (= sp * 4, a local), except the words the block carries
 * (see {@code CarryAnalysis}: at given depths below {@code top}, in fixed "carry locals"),
 * and {@code gas} (a local) is the gas left.
 * The block first checks its summed stack bounds and charges its summed static gas, then runs
 * its instructions against a compile-time model of the stack ({@link #slots}): a slot is either
 * in the array (null) or a {@link Value} whose limbs are constants or JVM locals. PUSH, DUP,
 * SWAP, POP, bitwise and comparison operations, ADD/SUB, MLOAD/MSTORE, GAS/PC/MSIZE and jump
 * conditions work on those values without touching the array; constant operands are folded
 * ({@link ConstantFolder}), so {@code PUSH target JUMP} becomes a direct {@code goto}. Values
 * are written to the array ("flushed") only where something reads the array: operands of a
 * {@code Uint256} or {@code Instructions} call (just those slots), and at the block's end
 * everything its successors do not carry (all of it before a dynamic jump or an exit to another
 * chunk, see {@code ControlFlowEmitter#leaveTo}), at calls and creates (the frame suspends:
 * values below the call's operands must be in the frame to survive), and when too many locals
 * are live. {@code top} is not changed inside a
 * block; it moves by the block's net growth at exit.
 *
 * <p>Without {@code registerValues} every slot is flushed after every instruction: the plain
 * array-based compiler, kept as a reference mode that the tests run too.
 *
 * <p><b>Parts.</b> This class links blocks and dispatches each instruction to the part that
 * emits it: {@link StackModel} (the slots, loads, flushes and value locals),
 * {@link ArithmeticEmitter} (arithmetic, bitwise, comparisons, shifts), {@link MemoryEmitter}
 * (MLOAD/MSTORE), {@link ControlFlowEmitter} (entry checks, jumps, halts) and
 * {@link CallProtocol} (calls into {@code Instructions}, CALL/CREATE suspension). PUSH, DUP,
 * SWAP, folding and the small environment reads are done here.
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
   * The verifier's view of a chunk's fixed locals, at every label. Value locals live across a
   * label only as a block's carry locals (see {@code CarryAnalysis}), which its frames add as
   * longs; every other value local is stored by a block before it is loaded.
   */
  static final Object[] CHUNK_FRAME_LOCALS = {
      Type.getInternalName(Frame.class), Type.getInternalName(org.evmjit.evm.host.Host.class),
      org.objectweb.asm.Opcodes.INTEGER, "[J", org.objectweb.asm.Opcodes.INTEGER,
      org.objectweb.asm.Opcodes.LONG, org.objectweb.asm.Opcodes.INTEGER};

  /**
   * Declares the stack map frame at a label just visited: the fixed locals
   * ({@link #CHUNK_FRAME_LOCALS}), the carry locals of the depths in {@code carried} and {@code stack}
   * (nothing, or one int) on the operand stack. The first frame of a chunk (at its dispatch
   * label, before any other label) is {@code frame(0)}.
   */
  void frame(int carried, Object... stack) {
    this.stack.frame(carried, stack);
  }

  /** The entry of a block carrying the depths in {@code carried} that loads them from the array, then goes to {@code inner}. */
  void loadingEntry(int carried, Label inner) {
    control.loadingEntry(carried, inner);
  }

  /**
   * The shared entry of a run of lone JUMPDESTs ending at {@code end} (see {@link JumpDestRuns}),
   * entered with the pc of one of them in local {@code pc} and everything in the array: charges
   * {@code gasEach} per JUMPDEST from that pc to {@code end}, halting out of gas, then goes to
   * {@code next} (the entry of the block at {@code end}) or, when null, exits to {@code end}.
   */
  void jumpDestRun(long gasEach, int end, Label next) {
    mv.visitVarInsn(LLOAD, L_GAS);
    stack.pushLong(end);
    mv.visitVarInsn(ILOAD, L_PC);
    mv.visitInsn(I2L);
    mv.visitInsn(LSUB);
    if (gasEach != 1) {
      stack.pushLong(gasEach);
      mv.visitInsn(LMUL);
    }
    mv.visitInsn(LSUB);
    control.storeGasAndCheck();
    if (next == null) {
      enterAt(end, targets.exit());
    } else {
      mv.visitJumpInsn(GOTO, next);
    }
  }

  /**
   * One range check of the pcs a chunk's switch did not find, for the runs in ascending order:
   * below {@code start} (and above every earlier run) the pc is not in this chunk, so exit; below
   * {@code end} it is a member of the run, so go to its shared entry {@code runEntry}.
   */
  void inRun(int start, int end, Label runEntry) {
    mv.visitVarInsn(ILOAD, L_PC);
    stack.pushInt(start);
    mv.visitJumpInsn(IF_ICMPLT, targets.exit());
    mv.visitVarInsn(ILOAD, L_PC);
    stack.pushInt(end);
    mv.visitJumpInsn(IF_ICMPLT, runEntry);
  }

  /** Sets local {@code pc} to {@code pc} and goes to {@code target}. */
  void enterAt(int pc, Label target) {
    stack.pushInt(pc);
    mv.visitVarInsn(ISTORE, L_PC);
    mv.visitJumpInsn(GOTO, target);
  }

  /** Flush everything once this many long limbs are in locals, to bound a method's locals. */
  static final int MAX_LIMB_LOCALS = 96;

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

    /**
     * The pcs (sorted) a dynamic jump ending {@code b} may go to ({@code JumpTargets}), empty when
     * unknown; any other target still goes through the dispatch.
     */
    int[] resolved(Block b);

    /**
     * The depths (a mask) whose words the block at {@code pc} takes in carry locals when entered
     * at its label (0 when it is in another method: it is entered through the array).
     */
    int carry(int pc);

    /** The entry of the block at {@code pc} (in this method) that loads its carried words from the array. */
    Label loading(int pc);

    /**
     * Whether this is the sizing pass: every jump is emitted in a form at least as long as any
     * the chunk may get (see {@code ControlFlowEmitter#leaveTo}).
     */
    boolean sizing();
  }

  private final MethodVisitor mv;
  private final Targets targets;
  private final int codeLength;
  private final byte[] code;
  private final org.evmjit.evm.fork.Fork fork;
  private final StackModel stack;
  private final ArithmeticEmitter arith;
  private final ControlFlowEmitter control;
  private final MemoryEmitter memory;
  private final CallProtocol calls;
  /** Static gas of the blocks chained after the current one (charged early with it). */
  private long gasRest;

  BlockEmitter(MethodVisitor mv, Targets targets, boolean registerValues, byte[] code,
      org.evmjit.evm.fork.Fork fork) {
    this.mv = mv;
    this.targets = targets;
    this.code = code;
    this.codeLength = code.length;
    this.fork = fork;
    this.stack = new StackModel(mv, registerValues);
    this.arith = new ArithmeticEmitter(mv, stack);
    this.control = new ControlFlowEmitter(mv, stack, targets, codeLength);
    this.memory = new MemoryEmitter(mv, stack, control);
    this.calls = new CallProtocol(mv, stack, control, targets);
  }

  /** Largest local index used so far plus one (for sizing). */
  int maxLocals() {
    return stack.maxLocals();
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
      if (stack.carriesTooMuch(MAX_CARRIED_VALUES)) {
        stack.flushAll();
        stack.moveTop();
        stack.resetLocals();
      }
    } else {
      int carried = targets.carry(b.start());
      stack.enterBlock(carried, link.minHeight());
      boolean checks = control.prologue(link);
      if (link.body() != null) {
        mv.visitLabel(link.body());
        if (checks) { // else the entry label's frame is at the same offset
          frame(carried);
        }
      }
    }
    gasRest = link.gasRest();
    int n = b.size();
    if (n == 0) { // the end of the code: STOP
      control.checkDeferredGas();
      control.stop();
      return;
    }
    for (int i = 0; i < n; i++) {
      if (stack.limbLocalsInUse() > 2 * MAX_LIMB_LOCALS) {
        stack.flushAll();
        stack.resetLocals();
      }
      instruction(b, i);
      if (!stack.registerValues()) {
        stack.flushAll();
      }
    }
    if (b.end() == Block.End.FALL_THROUGH) {
      if (link.carryOut()) {
        return; // the next block's code follows directly, with this model (and deferred check)
      }
      control.checkDeferredGas();
      control.leaveTo(Math.min(b.next(), codeLength), link.nextBody());
    }
  }

  // ---- one instruction ----

  private void instruction(Block b, int i) {
    int op = b.ops()[i];
    int pc = b.pcs()[i];
    if (!defersGasCheck(op)) {
      control.checkDeferredGas();
    }
    if (!OpcodeTable.isDefined(op, fork)) {
      control.halt(HaltReason.INVALID_OPCODE); // checked before the stack and gas, as the interpreter does
      return;
    }
    if (op >= PUSH1 && op <= PUSH32) {
      stack.push(Value.of(pushValue(b, i, op - PUSH1 + 1), 0));
      return;
    }
    if (op >= DUP1 && op <= DUP16) {
      int k = stack.height() - (op - DUP1 + 1);
      stack.push(stack.operand(k));
      return;
    }
    if (op >= SWAP1 && op <= SWAP16) {
      int a = stack.height() - 1;
      int k = stack.height() - 1 - (op - SWAP1 + 1);
      Value top = stack.operand(a);
      Value other = stack.operand(k);
      stack.set(a, other);
      stack.set(k, top);
      return;
    }
    if (ConstantFolder.folds(op) && stack.allConstant(OpcodeTable.info(op).stackIn())) {
      int in = OpcodeTable.info(op).stackIn();
      Value[] operands = new Value[in];
      for (int j = 0; j < in; j++) {
        operands[j] = stack.slot(stack.height() - 1 - j);
      }
      stack.drop(in);
      stack.push(ConstantFolder.fold(op, operands));
      return;
    }
    switch (op) {
      case STOP -> control.stop();
      case POP -> stack.drop(1);
      case JUMPDEST -> { }
      case PUSH0 -> stack.push(Value.of(0, 0, 0, 0));
      case AND, OR, XOR -> arith.bitwise(op);
      case NOT -> arith.not();
      case ADD -> arith.add();
      case SUB -> arith.sub();
      case LT -> arith.compare(Refs.J_LT, false);
      case GT -> arith.compare(Refs.J_LT, true);
      case SLT -> arith.compare(Refs.J_SLT, false);
      case SGT -> arith.compare(Refs.J_SLT, true);
      case EQ -> arith.compare(Refs.J_EQ, false);
      case ISZERO -> arith.unaryToSmall(Refs.J_ISZERO);
      case CLZ -> arith.unaryToSmall(Refs.U_CLZ);
      case MUL -> {
        if (!arith.shiftByPowerOfTwo(true)) {
          arith.binaryOp(Refs.U_MUL, Refs.J_MUL);
        }
      }
      case DIV -> {
        if (!arith.shiftByPowerOfTwo(false)) {
          arith.binaryOp(Refs.U_DIV, Refs.J_DIV);
        }
      }
      case SDIV -> arith.binaryOp(Refs.U_SDIV, Refs.J_SDIV);
      case MOD -> arith.binaryOp(Refs.U_MOD, Refs.J_MOD);
      case SMOD -> arith.binaryOp(Refs.U_SMOD, Refs.J_SMOD);
      case ADDMOD -> arith.arrayOp(Refs.U_ADDMOD, 3);
      case MULMOD -> arith.arrayOp(Refs.U_MULMOD, 3);
      case SIGNEXTEND -> {
        if (!arith.constantSignextend()) {
          arith.binaryOp(Refs.U_SIGNEXTEND, Refs.J_SIGNEXTEND);
        }
      }
      case BYTE -> {
        if (!arith.constantByte()) {
          arith.binaryOp(Refs.U_BYTE, Refs.J_BYTE);
        }
      }
      case SHL -> {
        if (!arith.constantShift(true)) {
          arith.binaryOp(Refs.U_SHL, Refs.J_SHL);
        }
      }
      case SHR -> {
        if (!arith.constantShift(false)) {
          arith.binaryOp(Refs.U_SHR, Refs.J_SHR);
        }
      }
      case SAR -> arith.binaryOp(Refs.U_SAR, Refs.J_SAR);
      case PC -> stack.push(Value.of(pc, 0, 0, 0));
      case CODESIZE -> stack.push(Value.of(codeLength, 0, 0, 0));
      case GAS -> gas(b.gasAfter()[i] + gasRest);
      case MSIZE -> {
        mv.visitVarInsn(ALOAD, L_FRAME);
        Refs.FRAME_MEMORY.emit(mv);
        Refs.MEMORY_SIZE.emit(mv);
        mv.visitInsn(I2L);
        stack.push(StackModel.small(stack.storeNewLocal()));
      }
      case CALLDATASIZE -> {
        mv.visitVarInsn(ALOAD, L_FRAME);
        Refs.FRAME_INPUT.emit(mv);
        mv.visitInsn(ARRAYLENGTH);
        mv.visitInsn(I2L);
        stack.push(StackModel.small(stack.storeNewLocal()));
      }
      case CALLDATALOAD -> {
        stack.flushRange(stack.height() - 1, stack.height());
        mv.visitVarInsn(ALOAD, L_FRAME);
        Refs.FRAME_INPUT.emit(mv);
        mv.visitVarInsn(ALOAD, L_STACK);
        stack.index(stack.height() - 1, 0);
        Refs.CALLDATALOAD.emit(mv);
      }
      case ADDRESS, CALLER -> {
        mv.visitVarInsn(ALOAD, L_FRAME);
        (op == ADDRESS ? Refs.FRAME_ADDRESS : Refs.FRAME_CALLER).emit(mv);
        mv.visitVarInsn(ALOAD, L_STACK);
        stack.index(stack.height(), 0);
        Refs.ADDRESS_TO_LIMBS.emit(mv);
        stack.pushArraySlot();
      }
      case CALLVALUE -> {
        mv.visitVarInsn(ALOAD, L_FRAME);
        Refs.FRAME_VALUE.emit(mv);
        mv.visitVarInsn(ALOAD, L_STACK);
        stack.index(stack.height(), 0);
        Refs.WORD_TO_LIMBS.emit(mv);
        stack.pushArraySlot();
      }
      case MLOAD -> memory.mload(b, i);
      case MSTORE, MSTORE8 -> memory.mstore(op == MSTORE8);
      case JUMP -> control.jump(b);
      case JUMPI -> control.jumpi(b);
      case EXP -> calls.call(op, Refs.EXP, true, 0);
      case KECCAK256 -> calls.call(op, Refs.KECCAK256, false, 0);
      case BALANCE -> calls.call(op, Refs.BALANCE, true, 0);
      case EXTCODESIZE -> calls.call(op, Refs.EXTCODESIZE, true, 0);
      case EXTCODEHASH -> calls.call(op, Refs.EXTCODEHASH, true, 0);
      case EXTCODECOPY -> calls.call(op, Refs.EXTCODECOPY, true, 0);
      case RETURNDATACOPY -> calls.call(op, Refs.RETURNDATACOPY, false, 0);
      case MCOPY -> calls.call(op, Refs.MCOPY, false, 0);
      case BLOCKHASH -> calls.call(op, Refs.BLOCKHASH, true, 0);
      case BLOBHASH -> calls.call(op, Refs.BLOBHASH, true, 0);
      case SLOAD -> calls.call(op, Refs.SLOAD, true, 0);
      // SSTORE reads the gas left (EIP-2200 sentry): give it the interpreter's view.
      case SSTORE -> calls.call(op, Refs.SSTORE, true, b.gasAfter()[i] + gasRest);
      case TLOAD -> calls.call(op, Refs.TLOAD, true, 0);
      case TSTORE -> calls.call(op, Refs.TSTORE, true, 0);
      case LOG0, LOG0 + 1, LOG0 + 2, LOG0 + 3, LOG4 -> calls.log(op);
      case RETURN, REVERT -> calls.returnOrRevert(op);
      case SELFDESTRUCT -> calls.selfdestruct();
      case CALL, CALLCODE, DELEGATECALL, STATICCALL, CREATE, CREATE2 -> calls.suspend(b, op);
      // Rare environment reads (ORIGIN, GASPRICE, COINBASE ...) and copies: the interpreter's own dispatch.
      default -> calls.execute(op);
    }
  }

  /**
   * Whether {@code op} may run before a deferred out-of-gas check of an earlier memory
   * instruction (see {@code ControlFlowEmitter#storeGasDeferred}): it only computes on the stack
   * or accesses memory, neither reads gas nor halts nor calls out, and is compiled inside the
   * block (never through {@code Instructions}). Every other instruction, and the block's end,
   * checks first.
   */
  private boolean defersGasCheck(int op) {
    if (!OpcodeTable.isDefined(op, fork)) {
      return false;
    }
    if (op >= PUSH0 && op <= SWAP16) { // PUSH0, PUSHn, DUPn, SWAPn
      return true;
    }
    return switch (op) {
      case POP, JUMPDEST, ADD, SUB, MUL, DIV, SDIV, MOD, SMOD, ADDMOD, MULMOD, SIGNEXTEND,
          LT, GT, SLT, SGT, EQ, ISZERO, AND, OR, XOR, NOT, BYTE, SHL, SHR, SAR, CLZ,
          PC, CODESIZE, MSIZE, CALLDATASIZE, CALLDATALOAD, ADDRESS, CALLER, CALLVALUE,
          MLOAD, MSTORE, MSTORE8 -> true;
      default -> false;
    };
  }

  private void gas(long compensation) {
    mv.visitVarInsn(LLOAD, L_GAS);
    if (compensation != 0) {
      stack.pushLong(compensation);
      mv.visitInsn(LADD);
    }
    stack.push(StackModel.small(stack.storeNewLocal()));
  }

  // ---- constants ----

  /** PUSHn's immediate, zero-filled past the end of the code: the interpreter's {@code Instructions.push}. */
  private long[] pushValue(Block b, int i, int n) {
    long[] s = new long[4];
    org.evmjit.evm.interpreter.Instructions.push(s, 0, code, b.pcs()[i] + 1, n);
    return s;
  }
}
