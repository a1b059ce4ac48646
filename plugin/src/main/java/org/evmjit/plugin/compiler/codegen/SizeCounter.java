package org.evmjit.plugin.compiler.codegen;

import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * A method visitor that only counts the bytes of bytecode it is given (an upper bound: every
 * constant as {@code ldc_w}, no {@code goto_w}), so the compiler can size block code before it
 * decides which blocks share a method.
 */
final class SizeCounter extends MethodVisitor {
  private int size;

  SizeCounter() {
    super(Opcodes.ASM9);
  }

  int size() {
    return size;
  }

  void reset() {
    size = 0;
  }

  @Override
  public void visitInsn(int opcode) {
    size += 1;
  }

  @Override
  public void visitIntInsn(int opcode, int operand) {
    size += opcode == Opcodes.SIPUSH ? 3 : 2;
  }

  @Override
  public void visitVarInsn(int opcode, int var) {
    size += var < 4 ? 1 : var < 256 ? 2 : 4;
  }

  @Override
  public void visitTypeInsn(int opcode, String type) {
    size += 3;
  }

  @Override
  public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
    size += 3;
  }

  @Override
  public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
    size += opcode == Opcodes.INVOKEINTERFACE ? 5 : 3;
  }

  @Override
  public void visitInvokeDynamicInsn(String name, String descriptor, Handle bsm, Object... bsmArgs) {
    size += 5;
  }

  @Override
  public void visitJumpInsn(int opcode, Label label) {
    size += 3;
  }

  @Override
  public void visitLdcInsn(Object value) {
    size += 3;
  }

  @Override
  public void visitIincInsn(int var, int increment) {
    size += var < 256 && increment >= -128 && increment <= 127 ? 3 : 6;
  }

  @Override
  public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
    size += 16 + 4 * labels.length;
  }

  @Override
  public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
    size += 12 + 8 * keys.length;
  }

  @Override
  public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
    size += 4;
  }
}
