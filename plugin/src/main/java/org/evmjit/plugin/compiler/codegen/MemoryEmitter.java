package org.evmjit.plugin.compiler.codegen;

import static org.evmjit.evm.opcode.Opcodes.*;
import static org.evmjit.plugin.compiler.codegen.BlockEmitter.*;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.LLOAD;

import org.evmjit.plugin.compiler.analysis.Block;
import org.objectweb.asm.MethodVisitor;

/** MLOAD, MSTORE and MSTORE8 of a block (see {@link BlockEmitter}). */
final class MemoryEmitter {
  private final MethodVisitor mv;
  private final StackModel stack;
  private final ControlFlowEmitter control;

  MemoryEmitter(MethodVisitor mv, StackModel stack, ControlFlowEmitter control) {
    this.mv = mv;
    this.stack = stack;
    this.control = control;
  }

  /**
   * MLOAD, MSTORE, MSTORE8: one {@code JitOps} call each with the offset's limbs, which expands
   * memory when needed and returns the gas left (negative: out of gas). An MLOAD whose word is
   * popped right away only expands.
   */
  void mload(Block b, int i) {
    Value offset = stack.pop();
    boolean unused = i + 1 < b.size() && b.ops()[i + 1] == POP && stack.registerValues();
    mv.visitVarInsn(ALOAD, L_FRAME);
    mv.visitVarInsn(LLOAD, L_GAS);
    if (unused) {
      stack.loadAll(offset);
      stack.pushLong(32);
      Refs.J_EXPAND.emit(mv);
      control.storeGasDeferred();
      stack.push(Value.of(0, 0, 0, 0)); // never read: the POP that follows drops it
      return;
    }
    mv.visitVarInsn(ALOAD, L_STACK);
    stack.index(stack.height(), 0);
    stack.loadAll(offset);
    Refs.J_MLOAD.emit(mv);
    control.storeGasDeferred();
    stack.pushArraySlot();
  }

  void mstore(boolean oneByte) {
    Value offset = stack.pop();
    Value v = stack.pop();
    mv.visitVarInsn(ALOAD, L_FRAME);
    mv.visitVarInsn(LLOAD, L_GAS);
    stack.loadAll(offset);
    if (oneByte) {
      stack.loadLimb(v, 0);
      Refs.J_MSTORE8.emit(mv);
    } else {
      stack.loadAll(v);
      Refs.J_MSTORE.emit(mv);
    }
    control.storeGasDeferred();
  }
}
