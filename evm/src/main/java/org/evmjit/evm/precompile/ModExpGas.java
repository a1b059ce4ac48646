package org.evmjit.evm.precompile;

import java.math.BigInteger;

/**
 * The two modexp pricing rules. Both take the larger of the base and modulus lengths and the
 * "adjusted exponent length" (iteration count); all arithmetic is exact, then saturated.
 */
enum ModExpGas {
  /** EIP-198 (Byzantium to Istanbul): mult_complexity(max_len) * max(iterations, 1) / 20. */
  EIP198 {
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

  /** EIP-2565 (Berlin on): max(200, ceil(max_len / 8)^2 * max(iterations, 1) / 3). */
  EIP2565 {
    @Override
    BigInteger cost(BigInteger maxLength, BigInteger iterations) {
      BigInteger words = maxLength.add(BigInteger.valueOf(7)).shiftRight(3);
      BigInteger gas = words.multiply(words).multiply(iterations.max(BigInteger.ONE)).divide(THREE);
      return gas.max(BigInteger.valueOf(200));
    }
  };

  private static final BigInteger TWENTY = BigInteger.valueOf(20);
  private static final BigInteger THREE = BigInteger.valueOf(3);

  abstract BigInteger cost(BigInteger maxLength, BigInteger iterations);
}
