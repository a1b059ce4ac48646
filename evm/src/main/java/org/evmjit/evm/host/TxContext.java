package org.evmjit.evm.host;

import java.util.List;
import org.evmjit.evm.word.Address;
import org.evmjit.evm.word.Word;

/**
 * What code can read about the running transaction.
 *
 * @param gasPrice the effective gas price (GASPRICE)
 * @param blobHashes EIP-4844 versioned hashes (BLOBHASH)
 * @param blobBaseFee EIP-7516 BLOBBASEFEE
 */
public record TxContext(Address origin, Word gasPrice, List<Word> blobHashes, Word blobBaseFee, Word chainId) {}
