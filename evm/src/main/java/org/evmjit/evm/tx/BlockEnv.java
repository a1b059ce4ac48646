package org.evmjit.evm.tx;

import org.evmjit.evm.word.Address;
import org.evmjit.evm.word.Word;

/**
 * The block a transaction runs in, as a state test's {@code env} gives it.
 *
 * @param prevRandao PREVRANDAO (Paris and later) or DIFFICULTY (earlier), whichever the fork reads
 * @param baseFee EIP-1559 base fee; zero before London
 * @param excessBlobGas EIP-4844 excess blob gas; zero before Cancun
 */
public record BlockEnv(
    Address coinbase,
    long number,
    long timestamp,
    long gasLimit,
    Word difficulty,
    Word prevRandao,
    Word baseFee,
    long excessBlobGas) {}
