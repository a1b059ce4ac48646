package org.evmjit.plugin.runtime.bench;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Locale;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Measures the inputs of the default threshold that can be measured before the real compiler
 * exists: what it costs to emit (ASM), define (hidden class) and first run a class of the size
 * a compiled contract has, and how much slower its code runs until HotSpot compiles it.
 *
 * <p>The synthetic class has the shape compiled EVM code will have: methods under HotSpot's
 * 8000-byte limit, each a straight line of {@code long} arithmetic calls ({@code lload, lload,
 * invokestatic, lstore}, about 8 bytes per EVM instruction). Run:
 * {@code java -cp plugin/benchmarks/target/benchmarks.jar org.evmjit.plugin.runtime.bench.ThresholdCalibration}.
 */
public final class ThresholdCalibration {
  private static final int OPS_PER_METHOD = 800; // ~6.5 KB of bytecode per method

  public static long op(long a, long b) {
    return a * 31 + (b ^ (a >>> 7));
  }

  static byte[] emit(String name, int methods) {
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS | ClassWriter.COMPUTE_FRAMES);
    cw.visit(Opcodes.V21, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL, name, null, "java/lang/Object", null);
    String owner = ThresholdCalibration.class.getName().replace('.', '/');
    for (int m = 0; m < methods; m++) {
      MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "block" + m, "(J)J", null, null);
      mv.visitCode();
      mv.visitVarInsn(Opcodes.LLOAD, 0);
      mv.visitVarInsn(Opcodes.LSTORE, 2);
      for (int i = 0; i < OPS_PER_METHOD; i++) {
        mv.visitVarInsn(Opcodes.LLOAD, 2);
        mv.visitLdcInsn((long) i * 0x9E3779B97F4A7C15L);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, owner, "op", "(JJ)J", false);
        mv.visitVarInsn(Opcodes.LSTORE, 2);
      }
      mv.visitVarInsn(Opcodes.LLOAD, 2);
      mv.visitInsn(Opcodes.LRETURN);
      mv.visitMaxs(0, 0);
      mv.visitEnd();
    }
    MethodVisitor run = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "run", "(J)J", null, null);
    run.visitCode();
    run.visitVarInsn(Opcodes.LLOAD, 0);
    for (int m = 0; m < methods; m++) {
      run.visitMethodInsn(Opcodes.INVOKESTATIC, name, "block" + m, "(J)J", false);
    }
    run.visitInsn(Opcodes.LRETURN);
    run.visitMaxs(0, 0);
    run.visitEnd();
    cw.visitEnd();
    return cw.toByteArray();
  }

  public static void main(String[] args) throws Throwable {
    MethodHandles.Lookup lookup = MethodHandles.lookup();
    long sink = 0;
    for (int warm = 0; warm < 30; warm++) { // warm ASM and the class-definition path
      byte[] b = emit("org/evmjit/plugin/runtime/bench/Warm", 4);
      Class<?> c = lookup.defineHiddenClass(b, true).lookupClass();
      sink += (long) lookup.findStatic(c, "run", MethodType.methodType(long.class, long.class)).invokeExact(1L);
    }
    System.out.println("methods  class KB  ~EVM ops  emit+define+first run ms  first-run us/op  run us/op after 10,000 runs  ratio");
    for (int methods : new int[] {1, 4, 16, 32}) {
      long t0 = System.nanoTime();
      byte[] b = emit("org/evmjit/plugin/runtime/bench/C" + methods, methods);
      Class<?> c = lookup.defineHiddenClass(b, true).lookupClass();
      var run = lookup.findStatic(c, "run", MethodType.methodType(long.class, long.class));
      long t1 = System.nanoTime();
      sink += (long) run.invokeExact(2L);
      long t2 = System.nanoTime();
      for (int i = 0; i < 10_000; i++) {
        sink += (long) run.invokeExact((long) i);
      }
      long t3 = System.nanoTime();
      for (int i = 0; i < 1_000; i++) {
        sink += (long) run.invokeExact((long) i);
      }
      long t4 = System.nanoTime();
      double ops = methods * (double) OPS_PER_METHOD;
      double first = (t2 - t1) / 1e3 / ops;
      double warm = (t4 - t3) / 1e3 / 1_000 / ops;
      System.out.printf(Locale.ROOT, "%7d  %8.1f  %8.0f  %25.2f  %15.4f  %27.5f  %5.0fx%n", methods, b.length / 1024.0, ops,
          (t2 - t0) / 1e6, first, warm, first / warm);
    }
    System.out.println("(sink " + (sink & 1) + ")");
  }
}
