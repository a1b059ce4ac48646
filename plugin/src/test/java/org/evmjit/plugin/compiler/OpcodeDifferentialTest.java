package org.evmjit.plugin.compiler;

import static org.evmjit.evm.opcode.Opcodes.*;
import static org.evmjit.evm.testing.Bytecode.code;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.opcode.OpcodeInfo;
import org.evmjit.evm.opcode.OpcodeTable;
import org.evmjit.evm.testing.Bytecode;
import org.evmjit.plugin.compiler.testing.Differential;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every opcode of every fork on the interpreter and both JIT modes, with operands that are
 * compile-time constants (folded or specialised) and operands read from calldata (only known at
 * run time), from interesting and random values; the results are stored, returned and logged so
 * any difference shows in the state root, output or gas.
 */
class OpcodeDifferentialTest {
  /** The newest fork: every opcode defined (CLZ from Osaka). */
  private static final Fork NEWEST = Fork.values()[Fork.values().length - 1];

  private static final BigInteger[] INTERESTING = {
    BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(31), BigInteger.valueOf(32),
    BigInteger.valueOf(255), BigInteger.valueOf(256), BigInteger.ONE.shiftLeft(63),
    BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE), BigInteger.ONE.shiftLeft(64),
    BigInteger.ONE.shiftLeft(255), BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE),
    BigInteger.ONE.shiftLeft(256).subtract(BigInteger.TWO), new BigInteger("deadbeefcafebabe0123456789abcdef", 16),
  };

  static Stream<Integer> opcodes() {
    return allOpcodes();
  }

  static Stream<Integer> allOpcodes() {
    return IntStream.range(0, 256).boxed().filter(op -> OpcodeTable.info(op) != null
        && op != JUMP && op != JUMPI && !(op >= CREATE && op <= SELFDESTRUCT));
  }

  private static List<BigInteger[]> operandSets(int n) {
    List<BigInteger[]> sets = new ArrayList<>();
    Random rnd = new Random(n * 31L + 7);
    for (int i = 0; i < INTERESTING.length; i++) {
      BigInteger[] s = new BigInteger[n];
      for (int j = 0; j < n; j++) {
        s[j] = INTERESTING[(i + 5 * j) % INTERESTING.length];
      }
      sets.add(s);
    }
    for (int i = 0; i < 6; i++) {
      BigInteger[] s = new BigInteger[n];
      for (int j = 0; j < n; j++) {
        s[j] = new BigInteger(rnd.nextInt(257), rnd);
      }
      sets.add(s);
    }
    return sets;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("opcodes")
  void constantOperands(int op) {
    OpcodeInfo info = OpcodeTable.info(op);
    int n = info.stackIn();
    for (BigInteger[] operands : operandSets(n)) {
      Bytecode c = code();
      for (int j = n - 1; j >= 0; j--) {
        c.push(small(operands[j], op));
      }
      finish(c, op, info);
      for (Fork fork : new Fork[] {NEWEST, Fork.PETERSBURG}) {
        Differential.agree(fork, c, h -> h.gasLimit(200_000));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("opcodes")
  void calldataOperands(int op) {
    OpcodeInfo info = OpcodeTable.info(op);
    int n = info.stackIn();
    for (BigInteger[] operands : operandSets(n)) {
      byte[] input = new byte[32 * Math.max(1, n)];
      Bytecode c = code();
      for (int j = n - 1; j >= 0; j--) {
        byte[] w = toWord(small(operands[j], op));
        System.arraycopy(w, 0, input, 32 * j, 32);
        c.push(32 * j).op(CALLDATALOAD);
      }
      finish(c, op, info);
      Differential.agree(NEWEST, c, h -> h.gasLimit(200_000).input(input));
    }
  }

  /** One operand a constant, the others from calldata: the specialised paths (constant shifts, powers of two). */
  @ParameterizedTest(name = "{0}")
  @MethodSource("opcodes")
  void mixedOperands(int op) {
    OpcodeInfo info = OpcodeTable.info(op);
    int n = info.stackIn();
    if (n < 2) {
      return;
    }
    BigInteger[] constants = {BigInteger.ZERO, BigInteger.ONE, BigInteger.valueOf(8), BigInteger.valueOf(31),
        BigInteger.valueOf(64), BigInteger.valueOf(100), BigInteger.valueOf(224), BigInteger.valueOf(255),
        BigInteger.valueOf(256), BigInteger.ONE.shiftLeft(64), BigInteger.ONE.shiftLeft(160), BigInteger.ONE.shiftLeft(255),
        BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE)};
    for (int constantAt = 0; constantAt < Math.min(n, 3); constantAt++) {
      for (BigInteger k : constants) {
        for (BigInteger[] operands : operandSets(n)) {
          byte[] input = new byte[32 * n];
          Bytecode c = code();
          for (int j = n - 1; j >= 0; j--) {
            if (j == constantAt) {
              c.push(small(k, op));
            } else {
              System.arraycopy(toWord(small(operands[j], op)), 0, input, 32 * j, 32);
              c.push(32 * j).op(CALLDATALOAD);
            }
          }
          finish(c, op, info);
          Differential.agree(NEWEST, c, h -> h.gasLimit(200_000).input(input));
        }
      }
    }
  }

  /** Memory and copy operands are kept small so the run does not just run out of gas. */
  private static BigInteger small(BigInteger v, int op) {
    boolean memory = switch (op) {
      case MLOAD, MSTORE, MSTORE8, KECCAK256, CALLDATACOPY, CODECOPY, RETURNDATACOPY, EXTCODECOPY,
          MCOPY, LOG0, LOG0 + 1, LOG0 + 2, LOG0 + 3, LOG4, RETURN, REVERT -> true;
      default -> false;
    };
    return memory ? v.mod(BigInteger.valueOf(300)) : v;
  }

  /** Runs the opcode, then stores and returns what it left, and logs it. */
  private static void finish(Bytecode c, int op, OpcodeInfo info) {
    c.op(op);
    if (op == STOP || op == RETURN || op == REVERT || op == INVALID || op == SELFDESTRUCT) {
      return;
    }
    for (int i = 0; i < info.stackOut(); i++) {
      c.op(DUP1).push(i).op(SSTORE).op(POP);
    }
    c.op(MSIZE).push(0x300).op(MSTORE).push(0x20).push(0x300).op(LOG0);
    c.op(GAS).push(0x340).op(MSTORE);
    c.push(0x60).push(0x2e0).op(RETURN);
  }

  private static byte[] toWord(BigInteger v) {
    byte[] raw = v.toByteArray();
    byte[] w = new byte[32];
    int len = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - len, w, 32 - len, len);
    return w;
  }
}
