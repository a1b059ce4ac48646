package org.evmjit.plugin.compiler;

import static org.evmjit.evm.opcode.Opcodes.*;
import static org.evmjit.evm.testing.Bytecode.code;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.testing.Bytecode;
import org.evmjit.plugin.compiler.testing.Differential;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SIGNEXTEND with a constant byte index (computed in locals by {@code ArithmeticEmitter}) against
 * the interpreter: every index 0..32 and some past 2^64, on values read from calldata whose sign
 * bit is set or clear at every byte, whole or with some limbs made constant (masked with AND),
 * and chained as {@code micro/signextend} does.
 */
class ConstantSignextendTest {
  private static final BigInteger[] INDEXES = {
    BigInteger.valueOf(255), BigInteger.ONE.shiftLeft(64),
    BigInteger.ONE.shiftLeft(64).add(BigInteger.ONE), BigInteger.ONE.shiftLeft(255),
  };

  /** Values with the byte-sign bits alternating, all set, all clear, one bit set. */
  private static final String[] VALUES = {
    "8080808080808080808080808080808080808080808080808080808080808080",
    "7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f",
    "ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00",
    "00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff",
    "0000000000000000000000000000000000000000000000000000000000000080",
    "0000000000000000000000000000000000000000000000000000000000000000",
    "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
    "0123456789abcdeffedcba98765432100f1e2d3c4b5a69788796a5b4c3d2e1f0",
  };

  /** Masks that make some limbs of x compile-time constants (none: x all from calldata). */
  private static final BigInteger[] MASKS = {
    null, BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE),
    BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE.shiftLeft(64)),
    BigInteger.ONE.shiftLeft(192).subtract(BigInteger.ONE.shiftLeft(128)),
  };

  static Stream<BigInteger> indexes() {
    Stream<BigInteger> small = Stream.iterate(BigInteger.ZERO, b -> b.add(BigInteger.ONE)).limit(34);
    return Stream.concat(small, Stream.of(INDEXES));
  }

  @ParameterizedTest(name = "b = {0}")
  @MethodSource("indexes")
  void constantIndexAgreesWithInterpreter(BigInteger b) {
    for (String value : VALUES) {
      byte[] input = HexFormat.of().parseHex(value);
      for (BigInteger mask : MASKS) {
        Bytecode c = code().push(0).op(CALLDATALOAD);
        if (mask != null) {
          c.push(mask).op(AND);
        }
        c.push(b).op(SIGNEXTEND).returnTop();
        Differential.agree(Fork.CANCUN, c, h -> h.input(input));
      }
    }
  }

  /** Each result the value of the next, by DUPs of constant indexes, as micro/signextend. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("chainValues")
  void chainedAgreesWithInterpreter(String value) {
    byte[] input = HexFormat.of().parseHex(value);
    Bytecode c = code();
    int[] bs = {0, 1, 3, 7, 8, 10, 12, 15, 16, 17, 20, 23, 24, 27, 31};
    for (int b : bs) {
      c.push(b);
    }
    c.push(0).op(CALLDATALOAD);
    for (int round = 0; round < 3; round++) {
      for (int k = 1; k <= bs.length; k++) {
        c.op(DUP1 + k).op(SIGNEXTEND);
        c.op(DUP1).push(32 * (k % 4)).op(MSTORE);
      }
    }
    c.push(128).push(0).op(RETURN);
    Differential.agree(Fork.CANCUN, c, h -> h.input(input));
  }

  static Stream<String> chainValues() {
    return Stream.of(VALUES);
  }
}
