package org.evmjit.evm.tx;

import java.math.BigInteger;

/** EIP-4844 blob gas: the per-blob gas and the blob base fee from the block's excess blob gas. */
public final class BlobGas {
  public static final long GAS_PER_BLOB = 1 << 17;
  private static final BigInteger MIN_BLOB_BASE_FEE = BigInteger.ONE;

  private BlobGas() {}

  /**
   * {@code fake_exponential(MIN_BLOB_BASE_FEE, excess, BLOB_BASE_FEE_UPDATE_FRACTION)} of
   * EIP-4844, with the fork's (or chain's) update fraction (EIP-7691).
   */
  public static BigInteger baseFee(long excessBlobGas, long updateFraction) {
    BigInteger fraction = BigInteger.valueOf(updateFraction);
    BigInteger numerator = BigInteger.valueOf(excessBlobGas);
    BigInteger output = BigInteger.ZERO;
    BigInteger accumulator = MIN_BLOB_BASE_FEE.multiply(fraction);
    for (int i = 1; accumulator.signum() > 0; i++) {
      output = output.add(accumulator);
      accumulator = accumulator.multiply(numerator).divide(fraction.multiply(BigInteger.valueOf(i)));
    }
    return output.divide(fraction);
  }
}
