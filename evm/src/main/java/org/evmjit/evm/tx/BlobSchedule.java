package org.evmjit.evm.tx;

import org.evmjit.evm.fork.Fork;

/**
 * A fork's blob parameters (EIP-4844, EIP-7691): the target and maximum blobs per block and the
 * blob base fee's update fraction. A chain may configure them (a state test's
 * {@code config.blobSchedule}); {@link #forFork} gives mainnet's. The target matters only to the
 * block's excess blob gas, which a state test gives; the maximum and the fraction apply to a
 * transaction.
 */
public record BlobSchedule(long target, long max, long baseFeeUpdateFraction) {
  public static final BlobSchedule CANCUN = new BlobSchedule(3, 6, 3338477);
  public static final BlobSchedule PRAGUE = new BlobSchedule(6, 9, 5007716); // EIP-7691
  /** EIP-7594 (Osaka): the blobs one transaction may carry, whatever the block's maximum. */
  public static final int MAX_BLOBS_PER_TX_OSAKA = 6;

  /** Mainnet's schedule for {@code fork} (Osaka keeps Prague's); null before Cancun (no blobs). */
  public static BlobSchedule forFork(Fork fork) {
    if (fork.isAtLeast(Fork.PRAGUE)) {
      return PRAGUE;
    }
    return fork.isAtLeast(Fork.CANCUN) ? CANCUN : null;
  }

  /** The blob gas a block may hold. */
  public long maxBlobGasPerBlock() {
    return max * BlobGas.GAS_PER_BLOB;
  }
}
