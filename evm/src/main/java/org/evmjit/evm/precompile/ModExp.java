package org.evmjit.evm.precompile;

import java.math.BigInteger;

/**
 * 0x05: base^exp mod modulus (EIP-198). Input: three 32-byte big-endian lengths, then base,
 * exponent and modulus of those lengths (missing bytes read as zero). The output has the
 * modulus's length; a zero modulus gives zeros.
 *
 * <p>The lengths may be as large as 2^256 - 1, so the gas is computed with exact arithmetic
 * and nothing is allocated from them until the gas has been paid.
 */
final class ModExp implements Precompile {
  private static final BigInteger WORD_BYTES = BigInteger.valueOf(32);
  /**
   * The most operand bytes {@link #execute} accepts (with a non-empty modulus). Longer operands
   * would cost at least 8 * (2^31 - 160) / 20, about 859 million gas, beyond any gas limit, and
   * go-ethereum would try to allocate them too.
   */
  private static final long MAX_OPERAND_LENGTH = Integer.MAX_VALUE - 128;

  private final ModExpGas pricing;

  ModExp(ModExpGas pricing) {
    this.pricing = pricing;
  }

  @Override
  public long gasCost(byte[] input) {
    BigInteger baseLength = length(input, 0);
    BigInteger expLength = length(input, 32);
    BigInteger modLength = length(input, 64);
    if (pricing.outOfBounds(baseLength) || pricing.outOfBounds(expLength)
        || pricing.outOfBounds(modLength)) {
      return Long.MAX_VALUE; // EIP-7823: the call fails, consuming all its gas
    }
    BigInteger gas = pricing.cost(baseLength.max(modLength), iterations(input, baseLength, expLength));
    return gas.bitLength() < 64 ? gas.longValue() : Long.MAX_VALUE;
  }

  @Override
  public byte[] execute(byte[] input) {
    BigInteger baseLength = length(input, 0);
    BigInteger expLength = length(input, 32);
    BigInteger modLength = length(input, 64);
    if (modLength.signum() == 0) {
      return new byte[0];
    }
    if (baseLength.bitLength() > 31
        || expLength.bitLength() > 31
        || modLength.bitLength() > 31
        || baseLength.longValue() + expLength.longValue() + modLength.longValue()
            > MAX_OPERAND_LENGTH) {
      return null; // unreachable in practice, see MAX_OPERAND_LENGTH
    }
    int bLen = baseLength.intValue();
    int eLen = expLength.intValue();
    int mLen = modLength.intValue();
    BigInteger modulus = new BigInteger(1, Inputs.slice(input, 96L + bLen + eLen, mLen));
    if (modulus.signum() == 0) {
      return new byte[mLen];
    }
    BigInteger base = new BigInteger(1, Inputs.slice(input, 96, bLen));
    BigInteger exponent = new BigInteger(1, Inputs.slice(input, 96L + bLen, eLen));
    byte[] result = base.modPow(exponent, modulus).toByteArray();
    // toByteArray may carry a leading sign byte; the value itself fits in mLen bytes
    int n = Math.min(result.length, mLen);
    byte[] out = new byte[mLen];
    System.arraycopy(result, result.length - n, out, mLen - n, n);
    return out;
  }

  /** The 32-byte big-endian length word at {@code offset} (zero-padded input). */
  private static BigInteger length(byte[] input, int offset) {
    return new BigInteger(1, Inputs.slice(input, offset, 32));
  }

  /**
   * The adjusted exponent length: the index of the highest set bit of the exponent's first
   * 32 bytes, plus 8 (EIP-7883: 16) for each exponent byte beyond 32.
   */
  private BigInteger iterations(byte[] input, BigInteger baseLength, BigInteger expLength) {
    int headLength = expLength.min(WORD_BYTES).intValue();
    BigInteger headOffset = baseLength.add(BigInteger.valueOf(96));
    BigInteger head =
        headOffset.compareTo(BigInteger.valueOf(input.length)) >= 0
            ? BigInteger.ZERO
            : new BigInteger(1, Inputs.slice(input, headOffset.longValue(), headLength));
    BigInteger highestBit = BigInteger.valueOf(Math.max(head.bitLength() - 1, 0));
    if (expLength.compareTo(WORD_BYTES) <= 0) {
      return highestBit;
    }
    return expLength.subtract(WORD_BYTES)
        .multiply(BigInteger.valueOf(pricing.bitsPerExtraExponentByte()))
        .add(highestBit);
  }
}
