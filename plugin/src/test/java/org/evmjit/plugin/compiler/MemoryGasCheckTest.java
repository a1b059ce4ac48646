package org.evmjit.plugin.compiler;

import static org.evmjit.evm.testing.Bytecode.code;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.testing.Engines;
import org.evmjit.evm.testing.Bytecode;
import org.evmjit.evm.testing.EvmHarness;
import org.evmjit.plugin.compiler.testing.Differential;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The out-of-gas check of MLOAD, MSTORE and MSTORE8, which the compiler defers to the next
 * instruction that reads gas, halts, calls out or leaves the block: a memory access at an offset
 * from calldata runs out of gas exactly at its expansion (every gas limit from just enough for
 * the whole program down past the expansion's cost), or at a huge offset, and is followed by
 * instructions with observable effects (a log, a return of memory, a success, another memory
 * write, a new block). Each program runs on the interpreter and both JIT modes, which must agree.
 */
class MemoryGasCheckTest {
  /** The memory access, with its offset on the stack (which it leaves there). */
  private static final String[] ACCESSES = {
      "808052", // DUP1 DUP1 MSTORE: MSTORE(off, off)
      "808053", // DUP1 DUP1 MSTORE8
      "8051", // DUP1 MLOAD: the word stays on the stack
      "805150", // DUP1 MLOAD POP: expansion only
  };

  /** What follows in the same block (or the next one), each with an observable effect. */
  private static final String[] FOLLOWERS = {
      "00", // STOP: success
      "60006000a000", // LOG0(0, 0): a log
      "60206000f3", // RETURN(0, 32): output from memory
      "5a60006000a100", // GAS, LOG1 with it as topic
      "602a6000526020" + "6000f3", // MSTORE(0, 42) (a second deferred check), RETURN(0, 32)
      "fe", // INVALID
      "5b60006000a000", // JUMPDEST (a new block), LOG0(0, 0)
      "8051" + "6000a0" + "00", // another MLOAD at the same offset, LOG0 of its word as size
  };

  private static final long[] OFFSETS = {0, 32, 1000, 31_999};

  private static final BigInteger[] HUGE_OFFSETS = {
      BigInteger.ONE.shiftLeft(32), BigInteger.ONE.shiftLeft(64), BigInteger.ONE.shiftLeft(255),
      BigInteger.valueOf(0xffff_ffe0L), BigInteger.valueOf(Integer.MAX_VALUE - 31)};

  static Stream<Arguments> programs() {
    List<Arguments> all = new ArrayList<>();
    for (String access : ACCESSES) {
      for (String follower : FOLLOWERS) {
        all.add(Arguments.of(code().push(0).op(0x35).raw(access).raw(follower)));
      }
    }
    return all.stream();
  }

  @ParameterizedTest
  @MethodSource("programs")
  void outOfGasExactlyAtTheExpansion(Bytecode program) {
    for (long offset : OFFSETS) {
      byte[] input = word(BigInteger.valueOf(offset));
      long full = new EvmHarness(Fork.CANCUN, Engines.INTERPRETER).gasLimit(10_000_000).input(input)
          .run(program).gasUsed();
      // from all the gas the program needs down past what the expansion costs
      long expansion = expansionCost(offset + 32);
      for (long d = 0; d <= expansion + 4; d += expansion > 64 ? 1 + expansion / 48 : 1) {
        long limit = full - d;
        Differential.agree(Fork.CANCUN, program, h -> h.gasLimit(limit).input(input));
      }
      Differential.agree(Fork.CANCUN, program, h -> h.gasLimit(full - expansion).input(input));
      Differential.agree(Fork.CANCUN, program, h -> h.gasLimit(full - expansion - 1).input(input));
    }
  }

  @ParameterizedTest
  @MethodSource("programs")
  void hugeOffsetsRunOutOfGas(Bytecode program) {
    for (BigInteger offset : HUGE_OFFSETS) {
      for (long limit : new long[] {30_000, 1_000_000}) {
        Differential.agree(Fork.CANCUN, program, h -> h.gasLimit(limit).input(word(offset)));
      }
    }
  }

  /** Gas for memory of {@code end} bytes from none (Yellow Paper: 3 per word plus words squared / 512). */
  private static long expansionCost(long end) {
    long words = (end + 31) / 32;
    return 3 * words + words * words / 512;
  }

  private static byte[] word(BigInteger v) {
    byte[] w = new byte[32];
    byte[] b = v.toByteArray();
    int n = Math.min(b.length, 32);
    System.arraycopy(b, b.length - n, w, 32 - n, n);
    return w;
  }
}
