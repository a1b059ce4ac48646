package org.evmjit.plugin.compiler;

import static org.evmjit.evm.opcode.Opcodes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.Random;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.testing.Bytecode;
import org.evmjit.plugin.compiler.codegen.ClassEmitter;
import org.evmjit.plugin.compiler.codegen.ClassFileSizes;
import org.evmjit.plugin.compiler.runtime.JitOps;
import org.evmjit.plugin.compiler.testing.Differential;
import org.junit.jupiter.api.Test;

/**
 * Pathological contracts stay within the JVM's limits by design: every generated method under
 * HotSpot's 8000-byte huge-method limit (so it gets JIT-compiled), every class loadable, and the
 * programs still agree with the interpreter.
 */
class JvmLimitsTest {
  private static final EvmCompiler STRICT = new EvmCompiler(new EvmCompiler.Options(true, UncompilablePolicy.FAIL));
  private static final EvmCompiler STRICT_ARRAY = new EvmCompiler(new EvmCompiler.Options(false, UncompilablePolicy.FAIL));

  private static CompileResult.Compiled compileWithinLimits(byte[] code) {
    CompileResult.Compiled last = null;
    for (EvmCompiler c : new EvmCompiler[] {STRICT, STRICT_ARRAY}) {
      last = assertInstanceOf(CompileResult.Compiled.class, c.compile(code, Fork.CANCUN));
      Map<String, Integer> sizes = ClassFileSizes.codeLengths(last.classBytes());
      sizes.forEach((m, size) -> assertTrue(size <= JvmLimits.HUGE_METHOD_LIMIT, m + ": " + size + " bytes"));
      assertTrue(sizes.values().stream().allMatch(s -> s <= ClassEmitter.CHUNK_BUDGET + 2000));
      CompiledEngine.load(last); // the JVM verifies and defines it
    }
    return last;
  }

  /**
   * The helpers generated code calls per limb stay within C1's inlining limits, so C1-compiled
   * chunks (how run-once code runs for long) do not call them.
   */
  @Test
  void perLimbHelpersAreInlinableByC1() throws java.io.IOException {
    byte[] bytes;
    try (var in = JitOps.class.getResourceAsStream("JitOps.class")) {
      bytes = in.readAllBytes();
    }
    Map<String, Integer> sizes = ClassFileSizes.codeLengths(bytes);
    Map<String, Integer> stackUse = new java.util.HashMap<>();
    new org.objectweb.asm.ClassReader(bytes).accept(new org.objectweb.asm.ClassVisitor(org.objectweb.asm.Opcodes.ASM9) {
      @Override
      public org.objectweb.asm.MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] ex) {
        // argument slots, counting a receiver: the helpers are static
        int params = (org.objectweb.asm.Type.getArgumentsAndReturnSizes(desc) >> 2) - 1;
        return new org.objectweb.asm.MethodVisitor(org.objectweb.asm.Opcodes.ASM9) {
          @Override
          public void visitMaxs(int maxStack, int maxLocals) {
            stackUse.put(name + desc, maxStack + maxLocals - params);
          }
        };
      }
    }, 0);
    for (String helper : new String[] {"carryOut(JJJ)J", "borrowOut(JJJ)J"}) {
      assertTrue(stackUse.get(helper) <= JvmLimits.C1_INLINE_STACK_LIMIT, helper + " stack " + stackUse.get(helper));
      assertTrue(sizes.get(helper) <= JvmLimits.C1_MAX_INLINE_SIZE, helper + " size " + sizes.get(helper));
    }
  }

  private static byte[] repeat(String hexUnit, int maxBytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] unit = java.util.HexFormat.of().parseHex(hexUnit);
    while (out.size() + unit.length <= maxBytes) {
      out.writeBytes(unit);
    }
    return out.toByteArray();
  }

  @Test
  void pushPopContractOf24KiB() {
    byte[] code = repeat("6001" + "50", 24 * 1024);
    CompileResult.Compiled c = compileWithinLimits(code);
    assertTrue(c.methods() > 1, "split into several methods: " + c.methods());
    Differential.agree(new Bytecode().raw(java.util.HexFormat.of().formatHex(code)), 5_000_000);
  }

  @Test
  void twentyKiBOfJumpdests() {
    // stQuadraticComplexityTest/Call20KbytesContract50_2's shape: every JUMPDEST an entry of its
    // chunk's switch, so the chunk size estimate fell short and a chunk came out over 8000 bytes.
    // Lone JUMPDESTs now have no code or switch key (JumpDestRuns); JUMPDEST DUP1 POP keeps a
    // switch key per block.
    for (String unit : new String[] {"5b", "5b8050"}) {
      byte[] code = java.util.HexFormat.of().parseHex("6001" + unit.repeat(22_237 / unit.length() * 2) + "600101600055");
      CompileResult.Compiled c = compileWithinLimits(code);
      if (unit.length() > 2) {
        assertTrue(c.methods() > 1, "split into several methods: " + c.methods());
      }
      Differential.agree(new Bytecode().raw(java.util.HexFormat.of().formatHex(code)), 5_000_000);
    }
  }

  @Test
  void push32HeavyContract() {
    StringBuilder unit = new StringBuilder("7f");
    for (int i = 0; i < 32; i++) {
      unit.append(String.format("%02x", 0x11 + i));
    }
    byte[] code = repeat(unit + "50", 24 * 1024);
    compileWithinLimits(code);
  }

  @Test
  void thousandsOfJumpDests() {
    byte[] code = repeat("5b", 24 * 1024);
    CompileResult.Compiled c = compileWithinLimits(code);
    assertEquals(24 * 1024 + 1, c.blocks());
    // a dynamic jump to the last JUMPDEST, through the dispatcher and a run's shared entry
    Bytecode b = new Bytecode().push(24 * 1024 + 3).op(JUMP).raw(java.util.HexFormat.of().formatHex(code));
    Differential.agree(b, 5_000_000);
  }

  @Test
  void manyValuesLiveInOneBlock() {
    // 16 DUPs and SWAPs of deep values, a long block of arithmetic, then everything flushed
    StringBuilder hex = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      hex.append("6000").append("35"); // CALLDATALOAD 0
    }
    for (int i = 0; i < 400; i++) {
      hex.append(String.format("%02x", 0x80 + (i % 16))); // DUPn
      hex.append(String.format("%02x", 0x90 + (i % 15))); // SWAPn
      hex.append(i % 2 == 0 ? "01" : "16"); // ADD / AND
    }
    byte[] code = java.util.HexFormat.of().parseHex(hex.toString());
    compileWithinLimits(code);
    Differential.agree(Fork.CANCUN, new Bytecode().raw(hex.toString()), h -> h.input(new byte[] {1, 2, 3}));
  }

  @Test
  void randomBytesOfMaximumContractSize() {
    Random rnd = new Random(42);
    for (int i = 0; i < 3; i++) {
      byte[] code = new byte[24 * 1024];
      rnd.nextBytes(code);
      compileWithinLimits(code);
    }
  }

  @Test
  void everyArithmeticOpInOneLongBlock() {
    StringBuilder hex = new StringBuilder("600035" + "602035");
    int[] ops = {ADD, MUL, SUB, DIV, SDIV, MOD, SMOD, SIGNEXTEND, LT, GT, SLT, SGT, EQ, AND, OR, XOR, BYTE, SHL, SHR, SAR};
    for (int i = 0; i < 4000; i++) {
      hex.append("81"); // DUP2
      hex.append(String.format("%02x", ops[i % ops.length]));
    }
    compileWithinLimits(java.util.HexFormat.of().parseHex(hex.toString()));
  }
}
