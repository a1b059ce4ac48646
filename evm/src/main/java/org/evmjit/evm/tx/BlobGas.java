package org.evmjit.evm.tx;

import java.math.BigInteger;

/** EIP-4844 blob gas: the per-blob gas and the blob base fee from the block's excess blob gas. */
public final class BlobGas {
  public static final long GAS_PER_BLOB = 1 << 17;
  public static final int MAX_BLOBS_PER_BLOCK = 6;
  private static final BigInteger MIN_BLOB_BASE_FEE = BigInteger.ONE;
  private static final BigInteger UPDATE_FRACTION = BigInteger.valueOf(3338477);

  private BlobGas() {}

  /** {@code fake_exponential(MIN_BLOB_BASE_FEE, excess, BLOB_BASE_FEE_UPDATE_FRACTION)} of EIP-4844. */
  public static BigInteger baseFee(long excessBlobGas) {
    BigInteger numerator = BigInteger.valueOf(excessBlobGas);
    BigInteger output = BigInteger.ZERO;
    BigInteger accumulator = MIN_BLOB_BASE_FEE.multiply(UPDATE_FRACTION);
    for (int i = 1; accumulator.signum() > 0; i++) {
      output = output.add(accumulator);
      accumulator = accumulator.multiply(numerator).divide(UPDATE_FRACTION.multiply(BigInteger.valueOf(i)));
    }
    return output.divide(UPDATE_FRACTION);
  }
}
