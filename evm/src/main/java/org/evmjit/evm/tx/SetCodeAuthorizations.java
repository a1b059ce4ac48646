package org.evmjit.evm.tx;

import java.math.BigInteger;
import org.evmjit.evm.crypto.Keccak;
import org.evmjit.evm.crypto.Secp256k1;
import org.evmjit.evm.fork.GasSchedule;
import org.evmjit.evm.frame.Code;
import org.evmjit.evm.rlp.Rlp;
import org.evmjit.evm.state.Delegation;
import org.evmjit.evm.state.TransactionState;
import org.evmjit.evm.word.Address;

/**
 * EIP-7702: applies a set-code transaction's authorization list, in order, before its code runs.
 * A tuple that fails a check is skipped, the transaction goes on: the chain id must be 0 or the
 * chain's, the nonce below 2^64 - 1 and equal to the authority's, the signature valid
 * ({@code yParity} 0 or 1, {@code 0 < r < n}, {@code 0 < s <= n/2}), the authority's code empty
 * or already a designator. A valid tuple warms the authority, writes the designator (or clears
 * the code for the zero address) and increments the authority's nonce; an authority that already
 * existed earns a refund of {@code perEmptyAccountCost - perAuthBaseCost}.
 */
final class SetCodeAuthorizations {
  private static final BigInteger MAX_NONCE = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
  /** The first byte of what an authority signs: {@code keccak(0x05 || rlp([chainId, address, nonce]))}. */
  private static final byte MAGIC = 0x05;

  private SetCodeAuthorizations() {}

  /** Applies the tuples of {@code tx} to {@code st}; returns the refund they earn. */
  static long apply(TransactionState st, Transaction tx, BigInteger chainId, GasSchedule g) {
    long refund = 0;
    for (Authorization auth : tx.authorizationList()) {
      if (auth.chainId().signum() != 0 && !auth.chainId().equals(chainId)) {
        continue;
      }
      if (auth.nonce().compareTo(MAX_NONCE) >= 0) {
        continue;
      }
      Address authority = authority(auth);
      if (authority == null) {
        continue;
      }
      st.warmAccount(authority);
      Code code = st.code(authority);
      if (code.size() != 0 && !Delegation.isDesignator(code)) {
        continue;
      }
      long nonce = st.nonce(authority);
      if (nonce != auth.nonce().longValue()) {
        continue;
      }
      if (st.exists(authority)) {
        refund += g.perEmptyAccountCost - g.perAuthBaseCost;
      }
      st.setCode(authority, auth.address().equals(Address.ZERO) ? Code.EMPTY : Delegation.designator(auth.address()));
      st.setNonce(authority, nonce + 1);
    }
    return refund;
  }

  /** The signer of the tuple, or null when the signature is invalid under EIP-7702's bounds. */
  static Address authority(Authorization auth) {
    BigInteger y = auth.yParity();
    if (y.signum() < 0 || y.compareTo(BigInteger.ONE) > 0) {
      return null;
    }
    if (!Secp256k1.inRange(auth.r()) || auth.s().signum() <= 0 || auth.s().compareTo(Secp256k1.HALF_N) > 0) {
      return null;
    }
    byte[] rlp = Rlp.encodeList(
        Rlp.encodeBigInteger(auth.chainId()),
        Rlp.encodeBytes(auth.address().toBytes()),
        Rlp.encodeBigInteger(auth.nonce()));
    byte[] message = new byte[rlp.length + 1];
    message[0] = MAGIC;
    System.arraycopy(rlp, 0, message, 1, rlp.length);
    return Secp256k1.recoverAddress(Keccak.hash(message), auth.r(), auth.s(), y.intValue());
  }
}
