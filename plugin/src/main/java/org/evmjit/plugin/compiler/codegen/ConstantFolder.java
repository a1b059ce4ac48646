package org.evmjit.plugin.compiler.codegen;

import static org.evmjit.evm.opcode.Opcodes.*;

import org.evmjit.evm.word.Uint256;

/**
 * Constant folding: an arithmetic, comparison or bitwise instruction whose operands are all
 * compile-time constants is computed by the compiler, with the very {@link Uint256} method the
 * interpreter calls, on a scratch array laid out as the stack would be.
 *
 * <p><b>Sound because</b> these instructions are pure (result depends only on operands), their
 * gas is static (charged by the block as for any instruction) and the computation is the
 * interpreter's own code; division by zero, signed overflow and out-of-range shifts give the
 * same results here as at run time. EXP is not folded (its gas depends on the exponent).
 */
final class ConstantFolder {
  private ConstantFolder() {}

  static boolean folds(int op) {
    return switch (op) {
      case ADD, MUL, SUB, DIV, SDIV, MOD, SMOD, ADDMOD, MULMOD, SIGNEXTEND, LT, GT, SLT, SGT, EQ,
          ISZERO, AND, OR, XOR, NOT, BYTE, SHL, SHR, SAR, CLZ -> true;
      default -> false;
    };
  }

  /**
   * The result of {@code op} on constant operands, {@code operands[0]} the top of the stack.
   */
  static Value fold(int op, Value... operands) {
    int n = operands.length;
    long[] s = new long[4 * n];
    // Lay out as the stack: operand i (0 = top) at word n-1-i.
    for (int i = 0; i < n; i++) {
      System.arraycopy(operands[i].constant, 0, s, 4 * (n - 1 - i), 4);
    }
    int t = 4 * (n - 1);
    switch (op) {
      case ADD -> Uint256.add(s, t, t - 4);
      case MUL -> Uint256.mul(s, t, t - 4);
      case SUB -> Uint256.sub(s, t, t - 4);
      case DIV -> Uint256.div(s, t, t - 4);
      case SDIV -> Uint256.sdiv(s, t, t - 4);
      case MOD -> Uint256.mod(s, t, t - 4);
      case SMOD -> Uint256.smod(s, t, t - 4);
      case ADDMOD -> Uint256.addmod(s, t, t - 4, t - 8);
      case MULMOD -> Uint256.mulmod(s, t, t - 4, t - 8);
      case SIGNEXTEND -> Uint256.signextend(s, t, t - 4);
      case LT -> Uint256.lt(s, t, t - 4);
      case GT -> Uint256.gt(s, t, t - 4);
      case SLT -> Uint256.slt(s, t, t - 4);
      case SGT -> Uint256.sgt(s, t, t - 4);
      case EQ -> Uint256.eq(s, t, t - 4);
      case ISZERO -> Uint256.iszero(s, t);
      case AND -> Uint256.and(s, t, t - 4);
      case OR -> Uint256.or(s, t, t - 4);
      case XOR -> Uint256.xor(s, t, t - 4);
      case NOT -> Uint256.not(s, t);
      case BYTE -> Uint256.byteOp(s, t, t - 4);
      case SHL -> Uint256.shl(s, t, t - 4);
      case SHR -> Uint256.shr(s, t, t - 4);
      case SAR -> Uint256.sar(s, t, t - 4);
      case CLZ -> Uint256.clz(s, t);
      default -> throw new IllegalArgumentException("not foldable: " + op);
    }
    return Value.of(s, 0);
  }
}
