package org.evmjit.plugin.compiler.codegen;

import static org.evmjit.evm.opcode.Opcodes.*;
import static org.evmjit.plugin.compiler.codegen.BlockEmitter.*;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.GETSTATIC;
import static org.objectweb.asm.Opcodes.IADD;
import static org.objectweb.asm.Opcodes.ICONST_0;
import static org.objectweb.asm.Opcodes.ICONST_1;
import static org.objectweb.asm.Opcodes.ICONST_2;
import static org.objectweb.asm.Opcodes.IFNE;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.ISHR;
import static org.objectweb.asm.Opcodes.LADD;
import static org.objectweb.asm.Opcodes.LLOAD;
import static org.objectweb.asm.Opcodes.LSTORE;
import static org.objectweb.asm.Opcodes.LSUB;

import org.evmjit.evm.frame.CallKind;
import org.evmjit.evm.opcode.OpcodeInfo;
import org.evmjit.evm.opcode.OpcodeTable;
import org.evmjit.plugin.compiler.analysis.Block;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * Calls from a block into the interpreter's {@code Instructions} (see {@link BlockEmitter}): the
 * operands flushed, sp and gas stored in the frame before the call as the {@code Instructions}
 * contract requires, gas reloaded and the stack effect applied after it; and the calls and creates,
 * which store everything in the frame and suspend it.
 */
final class CallProtocol {
  private final MethodVisitor mv;
  private final StackModel stack;
  private final ControlFlowEmitter control;
  private final BlockEmitter.Targets targets;

  CallProtocol(MethodVisitor mv, StackModel stack, ControlFlowEmitter control, BlockEmitter.Targets targets) {
    this.mv = mv;
    this.stack = stack;
    this.control = control;
    this.targets = targets;
  }

  /**
   * Flushes the operands of {@code op} and stores sp and gas in the frame, as the
   * {@code Instructions} contract requires; {@code compensation} is the static gas this block
   * charged early for the instructions after this one, added back while the instruction runs.
   */
  void callPrologue(int op, long compensation) {
    OpcodeInfo info = OpcodeTable.info(op);
    stack.flushRange(stack.height() - info.stackIn(), stack.height());
    storeSp(stack.height());
    mv.visitVarInsn(ALOAD, L_FRAME);
    mv.visitVarInsn(LLOAD, L_GAS);
    if (compensation != 0) {
      stack.pushLong(compensation);
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
      stack.pushInt(h);
      mv.visitInsn(IADD);
    }
    Refs.FRAME_SP.emitPut(mv);
  }

  /** After the call's int result: leaves on non-CONTINUE, reloads gas, applies the stack effect. */
  void callEpilogue(int op, long compensation) {
    mv.visitInsn(org.objectweb.asm.Opcodes.DUP);
    mv.visitJumpInsn(IFNE, targets.returnNegated());
    mv.visitInsn(org.objectweb.asm.Opcodes.POP);
    mv.visitVarInsn(ALOAD, L_FRAME);
    Refs.FRAME_GAS.emit(mv);
    if (compensation != 0) {
      stack.pushLong(compensation);
      mv.visitInsn(LSUB);
      control.storeGasAndCheck();
    } else {
      mv.visitVarInsn(LSTORE, L_GAS);
    }
    OpcodeInfo info = OpcodeTable.info(op);
    stack.drop(info.stackIn());
    for (int j = 0; j < info.stackOut(); j++) {
      stack.pushArraySlot();
    }
  }

  void call(int op, Ref method, boolean withHost, long compensation) {
    callPrologue(op, compensation);
    mv.visitVarInsn(ALOAD, L_FRAME);
    if (withHost) {
      mv.visitVarInsn(ALOAD, L_HOST);
    }
    method.emit(mv);
    callEpilogue(op, compensation);
  }

  void log(int op) {
    callPrologue(op, 0);
    mv.visitVarInsn(ALOAD, L_FRAME);
    mv.visitVarInsn(ALOAD, L_HOST);
    stack.pushInt(op - LOG0);
    Refs.LOG.emit(mv);
    callEpilogue(op, 0);
  }

  void returnOrRevert(int op) {
    callPrologue(op, 0);
    mv.visitVarInsn(ALOAD, L_FRAME);
    mv.visitInsn(op == REVERT ? ICONST_1 : ICONST_0);
    Refs.RETURN_OR_REVERT.emit(mv);
    control.returnNegated();
  }

  void selfdestruct() {
    callPrologue(SELFDESTRUCT, 0);
    mv.visitVarInsn(ALOAD, L_FRAME);
    mv.visitVarInsn(ALOAD, L_HOST);
    Refs.SELFDESTRUCT.emit(mv);
    control.returnNegated();
  }

  /** Any other instruction through the interpreter's own dispatch ({@code Instructions.execute}). */
  void execute(int op) {
    callPrologue(op, 0);
    stack.pushInt(op);
    mv.visitVarInsn(ALOAD, L_FRAME);
    mv.visitVarInsn(ALOAD, L_HOST);
    Refs.EXECUTE.emit(mv);
    callEpilogue(op, 0);
  }

  /** CALL* and CREATE*: everything to the frame, pc at the resumption point, then suspend. */
  void suspend(Block b, int op) {
    OpcodeInfo info = OpcodeTable.info(op);
    stack.flushAll();
    storeSp(stack.height());
    mv.visitVarInsn(ALOAD, L_FRAME);
    mv.visitVarInsn(LLOAD, L_GAS);
    Refs.FRAME_GAS.emitPut(mv);
    mv.visitVarInsn(ALOAD, L_FRAME);
    stack.pushInt(b.next());
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
    control.returnNegated();
    stack.drop(info.stackIn());
  }
}
