package org.evmjit.evm.precompile;

import java.math.BigInteger;
import org.evmjit.evm.fork.Fork;

/**
 * The modexp pricing rules. Each takes the larger of the base and modulus lengths and the
 * "adjusted exponent length" (iteration count), which counts {@link #bitsPerExtraExponentByte}
 * for every exponent byte beyond the first 32; all arithmetic is exact, then saturated. A rule
 * may bound the operand lengths ({@link #maxOperandLength}): a longer one makes the call fail.
 */
enum ModExpGas {
  /** EIP-198 (Byzantium to Istanbul): mult_complexity(max_len) * max(iterations, 1) / 20. */
  EIP198(8) {
    @Override
    BigInteger cost(BigInteger maxLength, BigInteger iterations) {
      return complexity(maxLength).multiply(iterations.max(BigInteger.ONE)).divide(TWENTY);
    }

    private BigInteger complexity(BigInteger x) {
      BigInteger xx = x.multiply(x);
      if (x.compareTo(BigInteger.valueOf(64)) <= 0) {
        return xx;
      }
      if (x.compareTo(BigInteger.valueOf(1024)) <= 0) {
        return xx.shiftRight(2).add(x.multiply(BigInteger.valueOf(96))).subtract(BigInteger.valueOf(3072));
      }
      return xx.shiftRight(4)
          .add(x.multiply(BigInteger.valueOf(480)))
          .subtract(BigInteger.valueOf(199680));
    }
  },

  /** EIP-2565 (Berlin to Prague): max(200, ceil(max_len / 8)^2 * max(iterations, 1) / 3). */
  EIP2565(8) {
    @Override
    BigInteger cost(BigInteger maxLength, BigInteger iterations) {
      BigInteger words = words(maxLength);
      BigInteger gas = words.multiply(words).multiply(iterations.max(BigInteger.ONE)).divide(THREE);
      return gas.max(BigInteger.valueOf(200));
    }
  },

  /**
   * EIP-7883 (Osaka on): max(500, complexity * max(iterations, 1)), complexity 16 up to 32 bytes,
   * else 2 * ceil(max_len / 8)^2; 16 iterations per exponent byte beyond 32. With EIP-7823's bound:
   * each length at most 1024 bytes.
   */
  EIP7883(16, 1024) {
    @Override
    BigInteger cost(BigInteger maxLength, BigInteger iterations) {
      BigInteger words = words(maxLength);
      BigInteger complexity = maxLength.compareTo(WORD_BYTES) <= 0
          ? BigInteger.valueOf(16)
          : words.multiply(words).shiftLeft(1);
      return complexity.multiply(iterations.max(BigInteger.ONE)).max(BigInteger.valueOf(500));
    }
  };

  /** No bound on the operand lengths (before EIP-7823). */
  private static final long UNBOUNDED = -1;
  private static final BigInteger TWENTY = BigInteger.valueOf(20);
  private static final BigInteger THREE = BigInteger.valueOf(3);
  private static final BigInteger WORD_BYTES = BigInteger.valueOf(32);

  private final int bitsPerExtraExponentByte;
  private final long maxOperandLength;

  /** A rule with no bound on the operand lengths. */
  ModExpGas(int bitsPerExtraExponentByte) {
    this(bitsPerExtraExponentByte, UNBOUNDED);
  }

  ModExpGas(int bitsPerExtraExponentByte, long maxOperandLength) {
    this.bitsPerExtraExponentByte = bitsPerExtraExponentByte;
    this.maxOperandLength = maxOperandLength;
  }

  /** The rule of a fork from Byzantium on. */
  static ModExpGas of(Fork fork) {
    return fork.isAtLeast(Fork.OSAKA) ? EIP7883 : fork.isAtLeast(Fork.BERLIN) ? EIP2565 : EIP198;
  }

  /** The gas for operands of at most {@code maxLength} bytes and this iteration count. */
  abstract BigInteger cost(BigInteger maxLength, BigInteger iterations);

  /** Iterations counted for each exponent byte beyond the first 32. */
  int bitsPerExtraExponentByte() {
    return bitsPerExtraExponentByte;
  }

  /** True when a length exceeds this rule's bound (EIP-7823): the call then fails. */
  boolean outOfBounds(BigInteger length) {
    return maxOperandLength != UNBOUNDED && length.compareTo(BigInteger.valueOf(maxOperandLength)) > 0;
  }

  private static BigInteger words(BigInteger length) {
    return length.add(BigInteger.valueOf(7)).shiftRight(3);
  }
}
