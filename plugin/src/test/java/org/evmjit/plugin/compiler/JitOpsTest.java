package org.evmjit.plugin.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.evmjit.evm.frame.Code;
import org.evmjit.evm.frame.Memory;
import org.evmjit.evm.frame.HaltReason;
import org.evmjit.evm.tx.ExecutionStatus;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.fork.GasTable;
import org.evmjit.evm.interpreter.Instructions;
import org.evmjit.evm.interpreter.Interpreter;
import org.evmjit.evm.interpreter.MemoryGas;
import org.evmjit.evm.word.Uint256;
import org.evmjit.plugin.compiler.runtime.JitOps;
import org.junit.jupiter.api.Test;

/**
 * The register helpers agree with the interpreter: its array methods ({@code Uint256},
 * {@code MemoryGas}, {@code Memory}, {@code Instructions.isJumpTarget}) and, for MLOAD, MSTORE and
 * MSTORE8, the interpreter running the instruction.
 */
class JitOpsTest {
  /** MLOAD, MSTORE and MSTORE8 cost 3 before memory expansion; the JIT charges it per block, not in JitOps. */
  private static final long STATIC_GAS = GasTable.staticGas(Fork.CANCUN)[0x51];

  static {
    assertEquals(STATIC_GAS, GasTable.staticGas(Fork.CANCUN)[0x52]);
    assertEquals(STATIC_GAS, GasTable.staticGas(Fork.CANCUN)[0x53]);
  }
  private final Random rnd = new Random(7);

  private long limb() {
    return switch (rnd.nextInt(5)) {
      case 0 -> 0;
      case 1 -> -1;
      case 2 -> rnd.nextInt(100);
      case 3 -> Long.MIN_VALUE;
      default -> rnd.nextLong();
    };
  }

  /** The C1-inlinable carryOut and borrowOut against carry and borrow, for every top-bit case and carry-in. */
  @Test
  void carryAndBorrowOutMatchTheirPlainForms() {
    for (int i = 0; i < 20_000; i++) {
      long x = limb() ^ ((i & 1L) << 63);
      long y = limb() ^ ((i & 2L) << 62);
      long in = (i >> 2) & 1;
      assertEquals(JitOps.carry(x, y, x + y + in), JitOps.carryOut(x + y + in, x, y));
      assertEquals(JitOps.borrow(x, y, x - y - in), JitOps.borrowOut(x - y - in, x, y));
    }
  }

  @Test
  void comparisonsMatchUint256() {
    for (int i = 0; i < 20_000; i++) {
      long[] s = {limb(), limb(), limb(), limb(), limb(), limb(), limb(), limb()};
      if (rnd.nextInt(4) == 0) System.arraycopy(s, 0, s, 4, 4);
      long x0 = s[4], x1 = s[5], x2 = s[6], x3 = s[7], y0 = s[0], y1 = s[1], y2 = s[2], y3 = s[3];
      assertEquals(expect(s, "lt"), JitOps.lt(x0, x1, x2, x3, y0, y1, y2, y3));
      assertEquals(expect(s, "gt"), JitOps.lt(y0, y1, y2, y3, x0, x1, x2, x3));
      assertEquals(expect(s, "slt"), JitOps.slt(x0, x1, x2, x3, y0, y1, y2, y3));
      assertEquals(expect(s, "sgt"), JitOps.slt(y0, y1, y2, y3, x0, x1, x2, x3));
      assertEquals(expect(s, "eq"), JitOps.eq(x0, x1, x2, x3, y0, y1, y2, y3));
      long[] z = s.clone();
      Uint256.iszero(z, 4);
      assertEquals(z[4], JitOps.isZero(x0, x1, x2, x3));
      // ADD and SUB limb by limb with the carry and borrow helpers
      long[] a = s.clone();
      Uint256.add(a, 4, 0);
      // as generated code does: the limb first, then the operands (carryOut)
      long r0 = x0 + y0, c = JitOps.carryOut(r0, x0, y0);
      long r1 = x1 + y1 + c;
      c = JitOps.carryOut(r1, x1, y1);
      long r2 = x2 + y2 + c;
      c = JitOps.carryOut(r2, x2, y2);
      long r3 = x3 + y3 + c;
      assertEquals(a[0], r0);
      assertEquals(a[1], r1);
      assertEquals(a[2], r2);
      assertEquals(a[3], r3);
      long[] d = s.clone();
      Uint256.sub(d, 4, 0);
      r0 = x0 - y0;
      long b = JitOps.borrowOut(r0, x0, y0);
      r1 = x1 - y1 - b;
      b = JitOps.borrowOut(r1, x1, y1);
      r2 = x2 - y2 - b;
      b = JitOps.borrowOut(r2, x2, y2);
      r3 = x3 - y3 - b;
      assertEquals(d[0], r0);
      assertEquals(d[1], r1);
      assertEquals(d[2], r2);
      assertEquals(d[3], r3);
      assertEquals(MemoryGas.operand(s, 4), JitOps.memOperand(x0, x1, x2, x3));
    }
  }

  private static long expect(long[] s, String op) {
    long[] t = s.clone();
    switch (op) {
      case "lt" -> Uint256.lt(t, 4, 0);
      case "gt" -> Uint256.gt(t, 4, 0);
      case "slt" -> Uint256.slt(t, 4, 0);
      case "sgt" -> Uint256.sgt(t, 4, 0);
      default -> Uint256.eq(t, 4, 0);
    }
    return t[0];
  }

  /** Each binary operation's helper with y already in the array gives {@code Uint256}'s result at b. */
  @Test
  void binaryOperationsWithYOnTheArrayMatchUint256() {
    String[] ops = {"mul", "div", "sdiv", "mod", "smod", "signextend", "byteOp", "shl", "shr", "sar"};
    for (int i = 0; i < 20_000; i++) {
      String op = ops[i % ops.length];
      int b = 4 * rnd.nextInt(3); // the helper must use the offset, not assume 0
      long[] s = new long[16];
      for (int k = 0; k < s.length; k++) s[k] = limb();
      if (rnd.nextInt(3) == 0) s[b + 4] = rnd.nextInt(40); // small x: sign and byte indexes, shift amounts
      long x0 = s[b + 4], x1 = s[b + 5], x2 = s[b + 6], x3 = s[b + 7];
      long[] expected = s.clone();
      long[] actual = s.clone();
      java.util.Arrays.fill(actual, b + 4, b + 8, 0x5a5a5a5aL); // x's slot holds anything: the helper writes x
      switch (op) {
        case "mul" -> { Uint256.mul(expected, b + 4, b); JitOps.mulX(actual, b, x0, x1, x2, x3); }
        case "div" -> { Uint256.div(expected, b + 4, b); JitOps.divX(actual, b, x0, x1, x2, x3); }
        case "sdiv" -> { Uint256.sdiv(expected, b + 4, b); JitOps.sdivX(actual, b, x0, x1, x2, x3); }
        case "mod" -> { Uint256.mod(expected, b + 4, b); JitOps.modX(actual, b, x0, x1, x2, x3); }
        case "smod" -> { Uint256.smod(expected, b + 4, b); JitOps.smodX(actual, b, x0, x1, x2, x3); }
        case "signextend" -> { Uint256.signextend(expected, b + 4, b); JitOps.signextendX(actual, b, x0, x1, x2, x3); }
        case "byteOp" -> { Uint256.byteOp(expected, b + 4, b); JitOps.byteOpX(actual, b, x0, x1, x2, x3); }
        case "shl" -> { Uint256.shl(expected, b + 4, b); JitOps.shlX(actual, b, x0, x1, x2, x3); }
        case "shr" -> { Uint256.shr(expected, b + 4, b); JitOps.shrX(actual, b, x0, x1, x2, x3); }
        default -> { Uint256.sar(expected, b + 4, b); JitOps.sarX(actual, b, x0, x1, x2, x3); }
      }
      for (int k = 0; k < 4; k++) {
        assertEquals(expected[b + k], actual[b + k], op + " limb " + k);
      }
      for (int k = 0; k < b; k++) { // below the operands: untouched
        assertEquals(s[k], actual[k], op + " below, " + k);
      }
    }
  }

  @Test
  void memoryAccessMatchesMemory() {
    Memory m = new Memory();
    m.expandTo(256);
    for (int i = 0; i < 1000; i++) {
      int off = rnd.nextInt(200);
      long[] s = {limb(), limb(), limb(), limb()};
      JitOps.storeWord(m, off, s[0], s[1], s[2], s[3]);
      long[] back = new long[4];
      m.loadWord(off, back, 0);
      assertEquals(java.util.Arrays.toString(s), java.util.Arrays.toString(back));
    }
  }

  @Test
  void jumpTargetsMatchIsJumpTarget() {
    org.evmjit.evm.frame.Frame f = frame(new Code(java.util.HexFormat.of().parseHex("5b605b5b00")), 0, 0);
    for (long pc = -1; pc < 8; pc++) {
      for (long high : new long[] {0, 1}) {
        long[] s = {pc, high, 0, 0};
        int expected = Instructions.isJumpTarget(f, s, 0) ? (int) pc : -1; // what JUMP and JUMPI check
        assertEquals(expected, JitOps.jumpTarget(f.code, pc, high, 0, 0), "pc " + pc + ", high limb " + high);
      }
    }
  }

  /** A frame running {@code code} with {@code gas}, its memory grown to {@code size} bytes. */
  private static org.evmjit.evm.frame.Frame frame(Code code, int size, long gas) {
    var f = new org.evmjit.evm.frame.Frame(org.evmjit.evm.frame.CallKind.CALL,
        org.evmjit.evm.word.Address.ZERO, org.evmjit.evm.word.Address.ZERO,
        org.evmjit.evm.word.Address.ZERO, org.evmjit.evm.word.Word.ZERO, new byte[0], code,
        false, 0, gas, new long[8]);
    f.memory.expandTo(size);
    return f;
  }

  private static org.evmjit.evm.frame.Frame frame(int size) {
    return frame(Code.EMPTY, size, 0);
  }

  /**
   * The interpreter itself running the one instruction {@code op} (MLOAD: offset {@code s[4..7]};
   * MSTORE, MSTORE8: value {@code s[0..3]}, offset {@code s[4..7]}) on {@code f}'s memory with
   * {@code gas} after the instruction's static gas; returns the gas left, or -1 when it ran out.
   * The word MLOAD read is left in {@code s[4..7]}.
   */
  private static long interpreted(int op, int size, long gas, long[] s, org.evmjit.evm.frame.Frame[] out) {
    var f = frame(new Code(new byte[] {(byte) op}), size, gas + STATIC_GAS);
    if (op == 0x51) {
      System.arraycopy(s, 4, f.stack, 0, 4);
      f.sp = 1;
    } else {
      System.arraycopy(s, 0, f.stack, 0, 8);
      f.sp = 2;
    }
    Interpreter.forFork(Fork.CANCUN).execute(f, null, null);
    out[0] = f;
    if (f.status != ExecutionStatus.SUCCESS) {
      assertEquals(HaltReason.OUT_OF_GAS, f.haltReason);
      return -1;
    }
    if (op == 0x51) {
      System.arraycopy(f.stack, 0, s, 4, 4);
    }
    return f.gas;
  }

  @Test
  void memoryInstructionsMatchTheInterpreter() {
    for (int i = 0; i < 20_000; i++) {
      int op = 0x51 + rnd.nextInt(3);
      int size = 32 * rnd.nextInt(6);
      long gas = rnd.nextInt(4) == 0 ? rnd.nextInt(40) : 1_000_000;
      long[] s = {limb(), limb(), limb(), limb(), rnd.nextInt(300), 0, 0, 0};
      if (rnd.nextInt(8) == 0) s[4 + rnd.nextInt(4)] = limb();
      var fj = frame(size);
      long[] si = s.clone();
      long[] sj = s.clone();
      org.evmjit.evm.frame.Frame[] interpreterFrame = new org.evmjit.evm.frame.Frame[1];
      long expected = interpreted(op, size, gas, si, interpreterFrame);
      var fi = interpreterFrame[0];
      long actual = switch (op) {
        case 0x51 -> JitOps.mload(fj, gas, sj, 4, s[4], s[5], s[6], s[7]);
        case 0x52 -> JitOps.mstore(fj, gas, s[4], s[5], s[6], s[7], s[0], s[1], s[2], s[3]);
        default -> JitOps.mstore8(fj, gas, s[4], s[5], s[6], s[7], s[0]);
      };
      assertEquals(expected < 0, actual < 0, "out of gas");
      if (expected >= 0) {
        assertEquals(expected, actual, "gas left");
        assertEquals(fi.memory.size(), fj.memory.size());
        assertEquals(java.util.Arrays.toString(java.util.Arrays.copyOf(fi.memory.array(), fi.memory.size())),
            java.util.Arrays.toString(java.util.Arrays.copyOf(fj.memory.array(), fj.memory.size())));
        if (op == 0x51) {
          assertEquals(java.util.Arrays.toString(si), java.util.Arrays.toString(sj));
        }
        var fe = frame(size);
        assertEquals(MemoryGas.expand(fe, gas, MemoryGas.operand(s, 4), 32),
            JitOps.expand(frame(size), gas, s[4], s[5], s[6], s[7], 32));
      }
    }
  }
}
