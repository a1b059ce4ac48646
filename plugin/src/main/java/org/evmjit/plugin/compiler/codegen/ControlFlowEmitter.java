package org.evmjit.plugin.compiler.codegen;

import static org.evmjit.evm.opcode.Opcodes.*;
import static org.evmjit.plugin.compiler.codegen.BlockEmitter.*;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.DUP2;
import static org.objectweb.asm.Opcodes.GOTO;
import static org.objectweb.asm.Opcodes.IFEQ;
import static org.objectweb.asm.Opcodes.IADD;
import static org.objectweb.asm.Opcodes.IFLT;
import static org.objectweb.asm.Opcodes.IF_ICMPGT;
import static org.objectweb.asm.Opcodes.IF_ICMPLT;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INEG;
import static org.objectweb.asm.Opcodes.IRETURN;
import static org.objectweb.asm.Opcodes.ISTORE;
import static org.objectweb.asm.Opcodes.LCMP;
import static org.objectweb.asm.Opcodes.LALOAD;
import static org.objectweb.asm.Opcodes.LCONST_0;
import static org.objectweb.asm.Opcodes.LLOAD;
import static org.objectweb.asm.Opcodes.LOR;
import static org.objectweb.asm.Opcodes.LSTORE;
import static org.objectweb.asm.Opcodes.LSUB;

import org.evmjit.evm.frame.Frame;
import org.evmjit.evm.frame.HaltReason;
import org.evmjit.plugin.compiler.analysis.Block;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Control flow of a block (see {@link BlockEmitter}): the entry checks (stack bounds and the
 * early gas charge), JUMP/JUMPI to constant targets as gotos or exits to the dispatcher and to
 * dynamic ones through the dispatch, halts, STOP and the negated-result return.
 */
final class ControlFlowEmitter {
  private final MethodVisitor mv;
  private final StackModel stack;
  private final BlockEmitter.Targets targets;
  private final int codeLength;
  /** A memory helper's gas was stored without its out-of-gas check (see {@link #storeGasDeferred}). */
  private boolean gasCheckDeferred;

  ControlFlowEmitter(MethodVisitor mv, StackModel stack, BlockEmitter.Targets targets, int codeLength) {
    this.mv = mv;
    this.stack = stack;
    this.targets = targets;
    this.codeLength = codeLength;
  }

  /** The entry checks of the link; false when there are none (no code emitted). */
  boolean prologue(Link b) {
    if (b.minHeight() > 0) {
      mv.visitVarInsn(ILOAD, L_TOP);
      stack.pushInt(4 * b.minHeight());
      mv.visitJumpInsn(IF_ICMPLT, targets.halt(HaltReason.STACK_UNDERFLOW));
    }
    if (b.maxHeight() > 0) {
      mv.visitVarInsn(ILOAD, L_TOP);
      stack.pushInt(4 * (Frame.MAX_STACK - b.maxHeight()));
      mv.visitJumpInsn(IF_ICMPGT, targets.halt(HaltReason.STACK_OVERFLOW));
    }
    if (b.gas() > 0) {
      mv.visitVarInsn(LLOAD, L_GAS);
      stack.pushLong(b.gas());
      mv.visitInsn(LSUB);
      storeGasAndCheck();
    }
    return b.minHeight() > 0 || b.maxHeight() > 0 || b.gas() > 0;
  }

  /** Stores the long on the JVM stack as gas, halting out of gas when negative. */
  void storeGasAndCheck() {
    mv.visitInsn(DUP2);
    mv.visitVarInsn(LSTORE, L_GAS);
    haltIfNegative();
  }

  /** Halts out of gas when the long on the JVM stack (the gas) is negative; consumes it. */
  private void haltIfNegative() {
    mv.visitInsn(LCONST_0);
    mv.visitInsn(LCMP);
    mv.visitJumpInsn(IFLT, targets.halt(HaltReason.OUT_OF_GAS));
  }

  /**
   * Stores the long on the JVM stack as gas, which may be negative (out of gas): the halt is
   * deferred to the next {@link #checkDeferredGas}. Only for the memory helpers of
   * {@code JitOps}: once gas is negative they neither expand memory nor read beyond it, and
   * return a negative gas again, so the instructions up to the check (see
   * {@code BlockEmitter#defersGasCheck}) change nothing but locals, the stack array and memory,
   * all dropped by the out-of-gas halt.
   */
  void storeGasDeferred() {
    mv.visitVarInsn(LSTORE, L_GAS);
    gasCheckDeferred = true;
  }

  /** Halts out of gas when a deferred check is pending and gas is negative. */
  void checkDeferredGas() {
    if (gasCheckDeferred) {
      gasCheckDeferred = false;
      mv.visitVarInsn(LLOAD, L_GAS);
      haltIfNegative();
    }
  }

  /** Pops a jump target: a constant pc (-1 when invalid) or, for a dynamic one, -2 with the checked pc in local {@code pc}. */
  private int popTarget() {
    Value t = stack.pop();
    if (t.isConstant()) {
      boolean small = t.constant[1] == 0 && t.constant[2] == 0 && t.constant[3] == 0;
      long pc = t.constant[0];
      return small && targets.isJumpDest(pc) ? (int) pc : -1;
    }
    mv.visitVarInsn(ALOAD, L_FRAME);
    Refs.FRAME_CODE.emit(mv);
    stack.loadAll(t);
    Refs.J_JUMP_TARGET.emit(mv);
    mv.visitVarInsn(ISTORE, L_PC);
    return -2;
  }

  /**
   * Jumps to the pc in local {@code pc} (checked; negative: invalid) after the carried words are
   * moved (see {@link #prepareJump}) and {@code top} is: to the block at {@code resolved[i]} (the
   * targets {@code JumpTargets} found) entered with the words at the depths in {@code carries[i]}
   * in carry locals, else through the dispatch after writing the words at the depths in
   * {@code kept} (held only in carry locals) to the array.
   */
  private void dynamicJump(int[] resolved, int[] carries, int kept) {
    Label other = new Label();
    if (resolved.length > 0) {
      Label[] cases = new Label[resolved.length];
      for (int i = 0; i < cases.length; i++) {
        cases[i] = new Label();
      }
      mv.visitVarInsn(ILOAD, L_PC);
      mv.visitLookupSwitchInsn(other, resolved, cases);
      for (int i = 0; i < cases.length; i++) {
        mv.visitLabel(cases[i]);
        stack.frame(carries[i]);
        enter(resolved[i], carries[i]);
      }
      mv.visitLabel(other);
      stack.frame(kept);
    }
    stack.storeCarried(kept);
    mv.visitVarInsn(ILOAD, L_PC);
    mv.visitJumpInsn(IFLT, targets.halt(HaltReason.INVALID_JUMP));
    mv.visitJumpInsn(GOTO, targets.dispatch());
  }

  void jump(Block b) {
    jumpTo(popTarget(), b);
  }

  /**
   * Control to {@code target} as {@link #popTarget} gives it: -1 invalid, -2 dynamic (to the
   * targets resolved for block {@code b}, or through the dispatch), else a pc.
   */
  private void jumpTo(int target, Block b) {
    if (target == -1) {
      halt(HaltReason.INVALID_JUMP);
    } else if (target == -2) {
      int[] resolved = targets.resolved(b);
      int[] carries = movableCarries(resolved);
      int keep = prepareJump(carries, resolved.length == 0 ? 0 : -1);
      dynamicJump(resolved, carries, keep);
    } else {
      leaveTo(target, null);
    }
  }

  /** {@link #movableCarry} of each pc, taken before the model is changed by a move. */
  private int[] movableCarries(int[] pcs) {
    int[] c = new int[pcs.length];
    for (int i = 0; i < pcs.length; i++) {
      c[i] = movableCarry(pcs[i]);
    }
    return c;
  }

  /**
   * Before leaving for successors that carry the depths in {@code carries} (and those in
   * {@code keep}, a mask every successor carries, -1 for none): moves every word one carries into
   * its carry locals, writes the rest to the array (also those not all carry) and moves
   * {@code top}. Returns the depths held only in carry locals.
   */
  private int prepareJump(int[] carries, int keep) {
    int move = keep == -1 ? 0 : keep;
    for (int c : carries) {
      move |= c;
      keep &= c;
    }
    stack.prepareCarry(move, keep);
    if (targets.sizing()) {
      stack.flushAll();
    }
    stack.moveTop();
    return keep;
  }

  void jumpi(Block b) {
    int target = popTarget();
    Value cond = stack.pop();
    int next = Math.min(b.next(), codeLength);
    if (cond.isConstant()) {
      boolean taken = (cond.constant[0] | cond.constant[1] | cond.constant[2] | cond.constant[3]) != 0;
      if (taken) {
        jumpTo(target, b);
      } else {
        leaveTo(next, null);
      }
      return;
    }
    boolean first = true;
    for (int i = 0; i < 4; i++) {
      if (cond.is(i, 0)) {
        continue;
      }
      stack.loadLimb(cond, i);
      if (!first) {
        mv.visitInsn(LOR);
      }
      first = false;
    }
    mv.visitInsn(LCONST_0);
    mv.visitInsn(LCMP);
    mv.visitVarInsn(ISTORE, L_TMP);
    // Every successor sees the same stack: move the words any carries, write the rest (a dynamic
    // target's dispatch path writes the words all carry after the switch, see dynamicJump).
    int carryNext = movableCarry(next);
    int[] taken = target >= 0 ? new int[] {target} : target == -2 ? targets.resolved(b) : new int[0];
    int[] carries = movableCarries(taken);
    int keep = prepareJump(carries, carryNext);
    Label notTaken = new Label();
    mv.visitVarInsn(ILOAD, L_TMP);
    mv.visitJumpInsn(IFEQ, notTaken);
    if (target == -1) {
      halt(HaltReason.INVALID_JUMP);
    } else if (target == -2) {
      dynamicJump(taken, carries, keep);
    } else {
      enter(target, carries[0]);
    }
    mv.visitLabel(notTaken);
    stack.frame(carryNext);
    enter(next, carryNext);
  }

  /**
   * The carry mask of the block at {@code pc} if this block can establish it (see
   * {@link StackModel#canMove}), else 0 (it is then entered through its loading stub).
   */
  private int movableCarry(int pc) {
    int c = targets.carry(pc);
    return c > 0 && !targets.sizing() && !stack.canMove(c) ? 0 : c;
  }

  /**
   * Ends the block by continuing at the block starting at {@code pc}, a known target: the words it
   * carries moved into the carry locals, every other word written to the array (everything when
   * it is in another method), {@code top} moved; then a goto to {@code body} (the chained
   * block's label after its checks) or the block's label, or an exit to the dispatcher. When a
   * carried word may not exist (below what this block's checks guarantee), everything is
   * written and the block is entered through its loading stub, which checks.
   *
   * <p>The sizing pass emits the move, then writes the carried words too, then an exit: at least
   * as long as the move with a goto, the plain flush with an exit, and the flush with a goto to
   * the stub.
   */
  void leaveTo(int pc, Label body) {
    int c = movableCarry(pc);
    if (c == 0 && targets.carry(pc) > 0 && body != null) {
      // A chained predecessor's entry checks cover the chain: every carried word exists.
      throw new IllegalStateException("chained block at pc " + pc + " cannot move its carried words");
    }
    stack.prepareCarry(c, c);
    if (targets.sizing()) {
      stack.flushAll();
    }
    stack.moveTop();
    if (body != null) {
      mv.visitJumpInsn(GOTO, body);
    } else {
      enter(pc, c);
    }
  }

  /**
   * Enters the block at {@code pc} after the words at the depths in {@code moved} are in their
   * carry locals, the rest in the array, and {@code top} is moved.
   */
  private void enter(int pc, int moved) {
    Label l = targets.local(pc);
    if (l == null) {
      stack.pushInt(pc);
      mv.visitVarInsn(ISTORE, L_PC);
      mv.visitJumpInsn(GOTO, targets.exit());
    } else if (moved == targets.carry(pc)) {
      mv.visitJumpInsn(GOTO, l);
    } else {
      mv.visitJumpInsn(GOTO, targets.loading(pc));
    }
  }

  /**
   * The entry of a block carrying the depths in {@code carried} from the array (the pc switch,
   * dynamic jumps, predecessors that cannot move): halts on underflow when the deepest carried
   * word does not exist (the block itself would: every carried depth is below its minimum entry
   * height), else loads the words into their carry locals and continues at the block's label
   * {@code inner}.
   */
  void loadingEntry(int carried, Label inner) {
    mv.visitVarInsn(ILOAD, L_TOP);
    stack.pushInt(4 * (32 - Integer.numberOfLeadingZeros(carried)));
    mv.visitJumpInsn(IF_ICMPLT, targets.halt(HaltReason.STACK_UNDERFLOW));
    for (int d = 0; d < 32; d++) {
      if ((carried & (1 << d)) == 0) {
        continue;
      }
      for (int i = 0; i < 4; i++) {
        mv.visitVarInsn(ALOAD, L_STACK);
        mv.visitVarInsn(ILOAD, L_TOP);
        stack.pushInt(-4 * (d + 1) + i);
        mv.visitInsn(IADD);
        mv.visitInsn(LALOAD);
        mv.visitVarInsn(LSTORE, StackModel.carryLocal(d, i));
      }
    }
    mv.visitJumpInsn(GOTO, inner);
  }

  void halt(HaltReason reason) {
    mv.visitJumpInsn(GOTO, targets.halt(reason));
  }

  void stop() {
    mv.visitVarInsn(ALOAD, L_FRAME);
    mv.visitVarInsn(LLOAD, L_GAS);
    Refs.FRAME_GAS.emitPut(mv);
    mv.visitVarInsn(ALOAD, L_FRAME);
    Refs.NO_OUTPUT.emit(mv);
    Refs.FRAME_SUCCEED.emit(mv);
    returnNegated();
  }

  void returnNegated() {
    mv.visitInsn(INEG);
    mv.visitInsn(IRETURN);
  }
}
