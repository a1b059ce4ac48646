package org.evmjit.plugin.compiler;

import static org.evmjit.evm.opcode.Opcodes.*;
import static org.evmjit.evm.testing.Bytecode.code;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.opcode.OpcodeInfo;
import org.evmjit.evm.opcode.OpcodeTable;
import org.evmjit.evm.testing.Bytecode;
import org.evmjit.evm.testing.EvmHarness;
import org.evmjit.plugin.compiler.testing.Differential;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every opcode of every fork (0xf0-0xff and the jumps included) on the interpreter and both JIT
 * modes, with operands that are compile-time constants (folded or specialised) and operands read
 * from calldata (only known at run time), from interesting and random values; the results are
 * stored, returned and logged so any difference shows in the state root, output or gas. Bytes a
 * fork does not define must halt alike too. Mixed constant/calldata operands run on the newest fork.
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
    return IntStream.range(0, 256).boxed().filter(op -> OpcodeTable.isDefined(op, NEWEST) || op == INVALID);
  }

  /** Every fork with every opcode it defines, and INVALID. */
  static Stream<Arguments> forkOpcodes() {
    return Stream.of(Fork.values()).flatMap(fork -> IntStream.range(0, 256)
        .filter(op -> OpcodeTable.isDefined(op, fork) || op == INVALID)
        .mapToObj(op -> Arguments.of(fork, op)));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Fork.class)
  void undefinedOpcodesHaltAlike(Fork fork) {
    for (int op = 0; op < 256; op++) {
      if (!OpcodeTable.isDefined(op, fork)) {
        Differential.agree(fork, code().push(1).push(2).push(3).op(op).push(7).returnTop(), h -> h.gasLimit(200_000));
      }
    }
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

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("forkOpcodes")
  void constantOperands(Fork fork, int op) {
    OpcodeInfo info = OpcodeTable.info(op);
    int n = info.stackIn();
    for (BigInteger[] operands : operandSets(n)) {
      Bytecode c = code();
      for (int j = n - 1; j >= 0; j--) {
        c.push(small(operands[j], op, j));
      }
      finish(c, op, info);
      Differential.agree(fork, c, RICH_CALLEE);
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("forkOpcodes")
  void calldataOperands(Fork fork, int op) {
    OpcodeInfo info = OpcodeTable.info(op);
    int n = info.stackIn();
    for (BigInteger[] operands : operandSets(n)) {
      byte[] input = new byte[32 * Math.max(1, n)];
      Bytecode c = code();
      for (int j = n - 1; j >= 0; j--) {
        byte[] w = toWord(small(operands[j], op, j));
        System.arraycopy(w, 0, input, 32 * j, 32);
        c.push(32 * j).op(CALLDATALOAD);
      }
      finish(c, op, info);
      Differential.agree(fork, c, h -> RICH_CALLEE.accept(h.input(input)));
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
              c.push(small(k, op, j));
            } else {
              System.arraycopy(toWord(small(operands[j], op, j)), 0, input, 32 * j, 32);
              c.push(32 * j).op(CALLDATALOAD);
            }
          }
          finish(c, op, info);
          Differential.agree(NEWEST, c, h -> RICH_CALLEE.accept(h.input(input)));
        }
      }
    }
  }

  /**
   * Memory and copy operands (offsets and lengths, and a call's value) are kept small so the run
   * does not just run out of gas; {@code position} counts from the top of the stack.
   */
  private static BigInteger small(BigInteger v, int op, int position) {
    boolean memory = switch (op) {
      case MLOAD, MSTORE, MSTORE8, KECCAK256, CALLDATACOPY, CODECOPY, RETURNDATACOPY, EXTCODECOPY,
          MCOPY, LOG0, LOG0 + 1, LOG0 + 2, LOG0 + 3, LOG4, RETURN, REVERT, CREATE -> true;
      case CREATE2 -> position < 3; // value, offset, length; the salt keeps its range
      case CALL, CALLCODE -> position >= 2; // gas and address keep their range
      case DELEGATECALL, STATICCALL -> position >= 2;
      default -> false;
    };
    return memory ? v.mod(BigInteger.valueOf(300)) : v;
  }

  /** The called contract holds ether, so CALL, CREATE and SELFDESTRUCT with a value can succeed. */
  private static final Consumer<EvmHarness> RICH_CALLEE = h -> h.gasLimit(200_000).balance(1_000);

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
