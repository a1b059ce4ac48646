package org.evmjit.plugin.compiler.codegen;

import static org.evmjit.evm.opcode.Opcodes.*;
import static org.evmjit.plugin.compiler.codegen.BlockEmitter.*;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.DUP2;
import static org.objectweb.asm.Opcodes.LADD;
import static org.objectweb.asm.Opcodes.LAND;
import static org.objectweb.asm.Opcodes.LNEG;
import static org.objectweb.asm.Opcodes.LLOAD;
import static org.objectweb.asm.Opcodes.LOR;
import static org.objectweb.asm.Opcodes.LSHL;
import static org.objectweb.asm.Opcodes.LSHR;
import static org.objectweb.asm.Opcodes.LSUB;
import static org.objectweb.asm.Opcodes.LXOR;

import org.objectweb.asm.MethodVisitor;

/**
 * Arithmetic, bitwise, comparison, shift and byte operations of a block (see {@link BlockEmitter}):
 * limb by limb in locals where that is exact and short (AND/OR/XOR/NOT, ADD/SUB with carries,
 * constant shifts, MUL/DIV by a constant power of two, BYTE and SIGNEXTEND at a constant index),
 * otherwise one {@code JitOps} or {@code Uint256} call on the operands' limbs or on the stack
 * array.
 */
final class ArithmeticEmitter {
  private final MethodVisitor mv;
  private final StackModel stack;

  ArithmeticEmitter(MethodVisitor mv, StackModel stack) {
    this.mv = mv;
    this.stack = stack;
  }

  void bitwise(int op) {
    Value x = stack.pop();
    Value y = stack.pop();
    Value r = new Value();
    for (int i = 0; i < 4; i++) {
      if (x.isConstant(i) && y.isConstant(i)) {
        long a = x.constant[i], c = y.constant[i];
        r.setConstant(i, op == AND ? a & c : op == OR ? a | c : a ^ c);
        continue;
      }
      Value known = x.isConstant(i) ? x : y.isConstant(i) ? y : null;
      Value other = known == x ? y : x;
      if (known != null) {
        long c = known.constant[i];
        if (op == AND && c == 0) {
          r.setConstant(i, 0);
          continue;
        }
        if ((op == AND && c == -1) || (op != AND && c == 0)) {
          r.setLimb(i, other, i);
          continue;
        }
        if (op == OR && c == -1) {
          r.setConstant(i, -1);
          continue;
        }
      }
      stack.loadLimb(x, i);
      stack.loadLimb(y, i);
      mv.visitInsn(op == AND ? LAND : op == OR ? LOR : LXOR);
      r.local[i] = stack.storeNewLocal();
    }
    stack.push(r);
  }

  void not() {
    Value x = stack.pop();
    Value r = new Value();
    for (int i = 0; i < 4; i++) {
      if (x.isConstant(i)) {
        r.setConstant(i, ~x.constant[i]);
      } else {
        stack.loadLimb(x, i);
        stack.pushLong(-1);
        mv.visitInsn(LXOR);
        r.local[i] = stack.storeNewLocal();
      }
    }
    stack.push(r);
  }

  void add() {
    Value x = stack.pop();
    Value y = stack.pop();
    stack.push(limbChain(x, y, true, x.isSmall() && y.isSmall() ? 1 : 4));
  }

  void sub() {
    Value x = stack.pop();
    Value y = stack.pop();
    stack.push(limbChain(x, y, false, 4));
  }

  /**
   * x + y ({@code add}) or x - y over the limbs, as {@code Uint256.add/sub}: each limb with the
   * carry or borrow (0 or 1) out of the limb below. With {@code limbs} 1 (both operands small, at
   * most 65 bits of sum) the result is the low limb and its carry, the rest zero.
   *
   * <p>The carry stays on the JVM operand stack from one limb to the next, and the helper takes
   * the limb just computed first ({@code JitOps.carryOut/borrowOut}), so it is used where it is
   * made: no local and no reload for it (55 bytes for a full ADD instead of 70). Code that runs
   * once per transaction is mostly run by HotSpot's interpreter and C1, whose cost follows the
   * bytecode.
   */
  private Value limbChain(Value x, Value y, boolean add, int limbs) {
    Value r = Value.of(0, 0, 0, 0);
    for (int i = 0; i < limbs; i++) {
      // operand stack: [carry] (i > 0) -> [result limb]
      if (i == 0) {
        stack.loadLimb(x, 0);
        stack.loadLimb(y, 0);
        mv.visitInsn(add ? LADD : LSUB);
      } else if (add) { // carry + (x + y)
        stack.loadLimb(x, i);
        stack.loadLimb(y, i);
        mv.visitInsn(LADD);
        mv.visitInsn(LADD);
      } else { // -(borrow + y) + x
        stack.loadLimb(y, i);
        mv.visitInsn(LADD);
        mv.visitInsn(LNEG);
        stack.loadLimb(x, i);
        mv.visitInsn(LADD);
      }
      if (i == 3) {
        r.local[i] = stack.storeNewLocal();
        break;
      }
      mv.visitInsn(DUP2);
      r.local[i] = stack.storeNewLocal();
      // [result limb] -> [carry or borrow out of this limb]
      stack.loadLimb(x, i);
      stack.loadLimb(y, i);
      (add ? Refs.J_CARRY_OUT : Refs.J_BORROW_OUT).emit(mv);
      if (limbs == 1) {
        r.local[1] = stack.storeNewLocal();
      }
    }
    return r;
  }

  /** LT/GT/SLT/SGT/EQ via a helper returning 0 or 1; {@code swap} for GT/SGT (y &lt; x). */
  void compare(Ref helper, boolean swap) {
    Value x = stack.pop();
    Value y = stack.pop();
    stack.loadAll(swap ? y : x);
    stack.loadAll(swap ? x : y);
    helper.emit(mv);
    stack.push(StackModel.small(stack.storeNewLocal()));
  }

  /**
   * ISZERO, CLZ: the operand's limbs (in locals, loaded from the array if there) into a helper
   * returning the small result, which stays in a local.
   */
  void unaryToSmall(Ref helper) {
    Value x = stack.pop();
    stack.loadAll(x);
    helper.emit(mv);
    stack.push(StackModel.small(stack.storeNewLocal()));
  }

  /**
   * A binary {@code Uint256} operation. With both operands in locals or constants, a
   * {@code JitOps} helper writes them where the stack array holds them and runs the same
   * {@code Uint256} method there (compact code, no separate flush). With x (the top) in locals
   * and y already in the array, the helper's "X" form writes x only: one call of 4 limb loads
   * instead of a flush call and an array call (code that runs once per transaction is mostly
   * run by HotSpot's interpreter and C1, whose cost grows with the bytecode and the calls).
   * Otherwise the operands are flushed and the method runs on the array. The result is left in
   * the array either way.
   */
  void binaryOp(Ref onArray, Ref onValues) {
    Value x = stack.slot(stack.height() - 1);
    Value y = stack.slot(stack.height() - 2);
    if (x == null || !stack.registerValues()) {
      arrayOp(onArray, 2);
      return;
    }
    mv.visitVarInsn(ALOAD, L_STACK);
    stack.index(stack.height() - 2, 0);
    stack.loadAll(x);
    if (y == null) {
      Refs.withYOnArray(onValues).emit(mv);
    } else {
      stack.loadAll(y);
      onValues.emit(mv);
    }
    stack.drop(2);
    stack.pushArraySlot();
  }

  /**
   * SHL/SHR by a constant amount, computed limb by limb in locals. Exact: a logical shift of a
   * 256-bit value by {@code k < 256} moves limb {@code j} to {@code j ± k/64} with the bits that
   * cross a limb boundary carried into the neighbour; {@code k >= 256} gives zero ({@code Uint256.shl/shr}).
   */
  boolean constantShift(boolean left) {
    Value amount = stack.slot(stack.height() - 1);
    if (amount == null || !amount.isConstant() || !stack.registerValues()) {
      return false;
    }
    boolean big = (amount.constant[1] | amount.constant[2] | amount.constant[3]) != 0
        || Long.compareUnsigned(amount.constant[0], 256) >= 0;
    stack.drop(1);
    Value v = stack.pop();
    stack.push(big ? Value.of(0, 0, 0, 0) : shifted(v, (int) amount.constant[0], left));
    return true;
  }

  /** MUL by a constant 2^k is SHL k, DIV by a constant 2^k is SHR k (mod 2^256, exactly). */
  boolean shiftByPowerOfTwo(boolean mul) {
    if (!stack.registerValues()) {
      return false;
    }
    Value x = stack.slot(stack.height() - 1);
    Value y = stack.slot(stack.height() - 2);
    int k = powerOfTwo(y);
    Value other = x;
    if (k < 0 && mul) {
      k = powerOfTwo(x);
      other = y;
    }
    if (k < 0 || other == null) {
      return false;
    }
    stack.drop(2);
    stack.push(shifted(other, k, mul));
    return true;
  }

  /** log2 of a constant power of two, else -1. */
  private static int powerOfTwo(Value v) {
    if (v == null || !v.isConstant()) {
      return -1;
    }
    int limb = -1;
    for (int i = 0; i < 4; i++) {
      if (v.constant[i] != 0) {
        if (limb >= 0 || Long.bitCount(v.constant[i]) != 1) {
          return -1;
        }
        limb = i;
      }
    }
    return limb < 0 ? -1 : 64 * limb + Long.numberOfTrailingZeros(v.constant[limb]);
  }

  private Value shifted(Value v, int k, boolean left) {
    int limbs = k >>> 6, bits = k & 63;
    Value r = new Value();
    for (int i = 0; i < 4; i++) {
      // main part: source limb i -/+ limbs shifted by bits; spill from the neighbour
      int main = left ? i - limbs : i + limbs;
      int spill = left ? main - 1 : main + 1;
      boolean hasMain = main >= 0 && main < 4;
      boolean hasSpill = bits != 0 && spill >= 0 && spill < 4;
      boolean mainZero = !hasMain || v.is(main, 0);
      boolean spillZero = !hasSpill || v.is(spill, 0);
      if (mainZero && spillZero) {
        r.setConstant(i, 0);
        continue;
      }
      if ((mainZero || v.isConstant(main)) && (spillZero || v.isConstant(spill))) {
        long c = 0;
        if (!mainZero) c |= left ? v.constant[main] << bits : v.constant[main] >>> bits;
        if (!spillZero) c |= left ? v.constant[spill] >>> (64 - bits) : v.constant[spill] << (64 - bits);
        r.setConstant(i, c);
        continue;
      }
      if (bits == 0) {
        r.setLimb(i, v, main);
        continue;
      }
      boolean first = true;
      if (!mainZero) {
        stack.loadLimb(v, main);
        stack.pushInt(bits);
        mv.visitInsn(left ? org.objectweb.asm.Opcodes.LSHL : org.objectweb.asm.Opcodes.LUSHR);
        first = false;
      }
      if (!spillZero) {
        stack.loadLimb(v, spill);
        stack.pushInt(64 - bits);
        mv.visitInsn(left ? org.objectweb.asm.Opcodes.LUSHR : org.objectweb.asm.Opcodes.LSHL);
        if (!first) {
          mv.visitInsn(LOR);
        }
      }
      r.local[i] = stack.storeNewLocal();
    }
    return r;
  }

  /** BYTE with a constant index: one limb shifted and masked ({@code Uint256.byteOp}). */
  boolean constantByte() {
    int k = constantIndex(32);
    if (k < 0) {
      return false;
    }
    stack.drop(1);
    Value v = stack.pop();
    if (k == 32) {
      stack.push(Value.of(0, 0, 0, 0));
      return true;
    }
    int limb = 3 - (k >>> 3);
    int shift = (7 - (k & 7)) << 3;
    if (v.isConstant(limb)) {
      stack.push(Value.of((v.constant[limb] >>> shift) & 0xFF, 0, 0, 0));
      return true;
    }
    stack.loadLimb(v, limb);
    stack.pushInt(shift);
    mv.visitInsn(org.objectweb.asm.Opcodes.LUSHR);
    stack.pushLong(0xFF);
    mv.visitInsn(LAND);
    stack.push(StackModel.small(stack.storeNewLocal()));
    return true;
  }

  /**
   * SIGNEXTEND with a constant byte index b, limb by limb in locals ({@code Uint256.signextend}).
   * Exact: b &gt;= 31 leaves x unchanged; otherwise the sign bit is bit {@code 8b + 7}, in limb
   * {@code L = (8b + 7) / 64}. Limbs below L are x's; limb L is x's shifted left by
   * {@code up = 63 - (8b + 7) % 64} and back arithmetically (every bit above the sign bit
   * becomes a copy of it; unchanged when up is 0); every limb above L is the sign of limb L
   * ({@code >> 63}).
   */
  boolean constantSignextend() {
    int b = constantIndex(31);
    if (b < 0) {
      return false;
    }
    stack.drop(1);
    Value x = stack.pop();
    if (b == 31) {
      stack.push(x);
      return true;
    }
    int signBit = (b << 3) + 7;
    int limb = signBit >>> 6;
    int up = 63 - (signBit & 63);
    Value r = new Value();
    for (int i = 0; i < limb; i++) {
      r.setLimb(i, x, i);
    }
    if (x.isConstant(limb)) {
      long v = (x.constant[limb] << up) >> up;
      r.setConstant(limb, v);
      for (int i = limb + 1; i < 4; i++) {
        r.setConstant(i, v >> 63);
      }
    } else {
      if (up == 0) {
        r.setLimb(limb, x, limb);
      } else {
        stack.loadLimb(x, limb);
        stack.pushInt(up);
        mv.visitInsn(LSHL);
        stack.pushInt(up);
        mv.visitInsn(LSHR);
        r.local[limb] = stack.storeNewLocal();
      }
      if (limb < 3) {
        mv.visitVarInsn(LLOAD, r.local[limb]);
        stack.pushInt(63);
        mv.visitInsn(LSHR);
        int fill = stack.storeNewLocal();
        for (int i = limb + 1; i < 4; i++) {
          r.local[i] = fill;
        }
      }
    }
    stack.push(r);
    return true;
  }

  /**
   * The top of the stack as a byte index known at compile time: its value when below
   * {@code limit}, {@code limit} when at or above it (any 256-bit value), -1 when it is not a
   * constant or values are not kept in locals.
   */
  private int constantIndex(int limit) {
    Value index = stack.slot(stack.height() - 1);
    if (index == null || !index.isConstant() || !stack.registerValues()) {
      return -1;
    }
    boolean atLeast = (index.constant[1] | index.constant[2] | index.constant[3]) != 0
        || Long.compareUnsigned(index.constant[0], limit) >= 0;
    return atLeast ? limit : (int) index.constant[0];
  }

  /** A {@code Uint256} method on the stack array: operands flushed, result left in the array. */
  void arrayOp(Ref method, int in) {
    stack.flushRange(stack.height() - in, stack.height());
    mv.visitVarInsn(ALOAD, L_STACK);
    stack.index(stack.height() - 1, 0);
    stack.index(stack.height() - 2, 0);
    if (in == 3) {
      stack.index(stack.height() - 3, 0);
    }
    method.emit(mv);
    stack.drop(in);
    stack.pushArraySlot();
  }
}
