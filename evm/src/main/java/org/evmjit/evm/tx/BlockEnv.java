package org.evmjit.evm.tx;

import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.word.Address;
import org.evmjit.evm.word.Word;

/**
 * The block a transaction runs in, as a state test's {@code env} gives it, with the chain's
 * settings that transactions see.
 *
 * @param prevRandao PREVRANDAO (Paris and later) or DIFFICULTY (earlier), whichever the fork reads
 * @param baseFee EIP-1559 base fee; zero before London
 * @param excessBlobGas EIP-4844 excess blob gas; zero before Cancun
 * @param chainId the chain id (CHAINID, EIP-7702 authorizations)
 * @param blobSchedule the chain's blob parameters for this block's fork; null for the fork's
 *     mainnet defaults ({@link BlobSchedule#forFork})
 */
public record BlockEnv(
    Address coinbase,
    long number,
    long timestamp,
    long gasLimit,
    Word difficulty,
    Word prevRandao,
    Word baseFee,
    long excessBlobGas,
    Word chainId,
    BlobSchedule blobSchedule) {

  /** The chain id of mainnet, which state tests run under unless their config says otherwise. */
  public static final Word MAINNET_CHAIN_ID = Word.ONE;

  /** A mainnet block (chain id 1, the fork's blob schedule). */
  public BlockEnv(Address coinbase, long number, long timestamp, long gasLimit, Word difficulty,
      Word prevRandao, Word baseFee, long excessBlobGas) {
    this(coinbase, number, timestamp, gasLimit, difficulty, prevRandao, baseFee, excessBlobGas,
        MAINNET_CHAIN_ID, null);
  }

  /** The blob schedule in force under {@code fork}: the configured one, else mainnet's. */
  public BlobSchedule blobScheduleFor(Fork fork) {
    return blobSchedule != null ? blobSchedule : BlobSchedule.forFork(fork);
  }
}
