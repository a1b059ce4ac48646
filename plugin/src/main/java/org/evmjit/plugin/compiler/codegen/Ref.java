package org.evmjit.plugin.compiler.codegen;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * A method or field that generated code uses, resolved by reflection when {@link Refs} loads, so
 * a renamed or re-typed runtime method fails at once (and in {@code RefsTest}) rather than when
 * a generated class is verified.
 */
record Ref(int opcode, String owner, String name, String descriptor, boolean isInterface) {

  static Ref method(Class<?> owner, String name, Class<?>... params) {
    try {
      Method m = owner.getMethod(name, params);
      int op = Modifier.isStatic(m.getModifiers()) ? Opcodes.INVOKESTATIC
          : owner.isInterface() ? Opcodes.INVOKEINTERFACE : Opcodes.INVOKEVIRTUAL;
      return new Ref(op, Type.getInternalName(owner), name, Type.getMethodDescriptor(m), owner.isInterface());
    } catch (NoSuchMethodException e) {
      throw new ExceptionInInitializerError("generated code needs " + owner.getName() + "." + name + ": " + e);
    }
  }

  static Ref field(Class<?> owner, String name) {
    try {
      Field f = owner.getField(name);
      int op = Modifier.isStatic(f.getModifiers()) ? Opcodes.GETSTATIC : Opcodes.GETFIELD;
      return new Ref(op, Type.getInternalName(owner), name, Type.getDescriptor(f.getType()), false);
    } catch (NoSuchFieldException e) {
      throw new ExceptionInInitializerError("generated code needs " + owner.getName() + "." + name + ": " + e);
    }
  }

  /** Emits the call or the field read. */
  void emit(MethodVisitor mv) {
    if (opcode == Opcodes.GETFIELD || opcode == Opcodes.GETSTATIC) {
      mv.visitFieldInsn(opcode, owner, name, descriptor);
    } else {
      mv.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
    }
  }

  /** Emits a write of this (instance) field. */
  void emitPut(MethodVisitor mv) {
    mv.visitFieldInsn(opcode == Opcodes.GETSTATIC ? Opcodes.PUTSTATIC : Opcodes.PUTFIELD, owner, name, descriptor);
  }
}
