package org.evmjit.evm.tx;

import java.math.BigInteger;
import org.evmjit.evm.word.Address;

/**
 * One EIP-7702 authorization tuple of a set-code transaction: the authority (recovered from the
 * signature) lets its account delegate to {@code address}. Fields are kept as given (possibly
 * out of range); {@link SetCodeAuthorizations} decides which tuples are valid.
 *
 * @param chainId 0 (any chain) or the chain's id
 * @param address the delegation target; zero clears the delegation
 * @param nonce must equal the authority's nonce when the tuple is applied
 * @param yParity the signature's y-parity, 0 or 1 to be valid
 */
public record Authorization(
    BigInteger chainId, Address address, BigInteger nonce, BigInteger yParity, BigInteger r, BigInteger s) {}
