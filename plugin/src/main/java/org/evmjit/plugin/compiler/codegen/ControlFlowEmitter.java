package org.evmjit.plugin.compiler.codegen;

import static org.evmjit.evm.opcode.Opcodes.*;
import static org.evmjit.plugin.compiler.codegen.BlockEmitter.*;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.DUP2;
import static org.objectweb.asm.Opcodes.GOTO;
import static org.objectweb.asm.Opcodes.IFEQ;
import static org.objectweb.asm.Opcodes.IFLT;
import static org.objectweb.asm.Opcodes.IF_ICMPGT;
import static org.objectweb.asm.Opcodes.IF_ICMPLT;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INEG;
import static org.objectweb.asm.Opcodes.IRETURN;
import static org.objectweb.asm.Opcodes.ISTORE;
import static org.objectweb.asm.Opcodes.LCMP;
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
    mv.visitInsn(LCONST_0);
    mv.visitInsn(LCMP);
    mv.visitJumpInsn(IFLT, targets.halt(HaltReason.OUT_OF_GAS));
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

  void jump() {
    int target = popTarget();
    if (target != -1) {
      stack.flushAll();
      stack.moveTop();
    }
    jumpToTarget(target);
  }

  void jumpi(Block b) {
    int target = popTarget();
    Value cond = stack.pop();
    int next = Math.min(b.next(), codeLength);
    if (cond.isConstant()) {
      boolean taken = (cond.constant[0] | cond.constant[1] | cond.constant[2] | cond.constant[3]) != 0;
      if (!(taken && target == -1)) {
        stack.flushAll();
        stack.moveTop();
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
      stack.loadLimb(cond, i);
      if (!first) {
        mv.visitInsn(LOR);
      }
      first = false;
    }
    mv.visitInsn(LCONST_0);
    mv.visitInsn(LCMP);
    mv.visitVarInsn(ISTORE, L_TMP);
    stack.flushAll();
    stack.moveTop();
    Label notTaken = new Label();
    mv.visitVarInsn(ILOAD, L_TMP);
    mv.visitJumpInsn(IFEQ, notTaken);
    jumpToTarget(target);
    mv.visitLabel(notTaken);
    frame(mv);
    jumpTo(next);
  }

  /** Continues at the block starting at {@code pc}: a goto in this method, else an exit to the dispatcher. */
  void jumpTo(int pc) {
    Label l = targets.local(pc);
    if (l != null) {
      mv.visitJumpInsn(GOTO, l);
    } else {
      stack.pushInt(pc);
      mv.visitVarInsn(ISTORE, L_PC);
      mv.visitJumpInsn(GOTO, targets.exit());
    }
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
