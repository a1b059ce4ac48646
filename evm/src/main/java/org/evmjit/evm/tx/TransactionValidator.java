package org.evmjit.evm.tx;

import java.math.BigInteger;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.fork.GasSchedule;
import org.evmjit.evm.state.Account;
import org.evmjit.evm.state.Delegation;
import org.evmjit.evm.state.WorldState;
import org.evmjit.evm.word.Word;

/**
 * The checks that make a transaction invalid (not executed at all). Each failure is named with
 * the ethereum/tests {@code TransactionException} it corresponds to.
 */
final class TransactionValidator {
  static final BigInteger MAX_U64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
  static final BigInteger MAX_U256 = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
  private static final byte BLOB_COMMITMENT_VERSION_KZG = 0x01;

  private TransactionValidator() {}

  /** Null when valid; otherwise the reason. */
  static String check(Fork fork, WorldState world, BlockEnv env, Transaction tx, BigInteger blobBaseFee) {
    GasSchedule g = GasSchedule.forFork(fork);
    if (tx.type() == Transaction.ACCESS_LIST && !fork.isAtLeast(Fork.BERLIN)
        || tx.type() == Transaction.EIP1559 && !fork.isAtLeast(Fork.LONDON)
        || tx.type() == Transaction.BLOB && !fork.isAtLeast(Fork.CANCUN)
        || tx.type() == Transaction.SET_CODE && !fork.isAtLeast(Fork.PRAGUE)) {
      return "TransactionException.TYPE_NOT_SUPPORTED";
    }
    if (tx.type() == Transaction.SET_CODE) { // EIP-7702
      if (tx.isCreate()) {
        return "TransactionException.TYPE_4_TX_CONTRACT_CREATION";
      }
      if (tx.authorizationList().isEmpty()) {
        return "TransactionException.TYPE_4_EMPTY_AUTHORIZATION_LIST";
      }
    }
    if (tx.gasLimit().compareTo(MAX_U64) > 0 || tx.nonce().compareTo(MAX_U64) > 0
        || tx.value().compareTo(MAX_U256) > 0) {
      return "TransactionException.GASLIMIT_OR_NONCE_OR_VALUE_TOO_LARGE";
    }
    if (g.txMaxGasLimit > 0 && tx.gasLimit().compareTo(BigInteger.valueOf(g.txMaxGasLimit)) > 0) {
      return "TransactionException.GAS_LIMIT_EXCEEDS_MAXIMUM"; // EIP-7825
    }
    Account sender = world.get(tx.sender());
    long accountNonce = sender == null ? 0 : sender.nonce();
    BigInteger stateNonce = unsigned(accountNonce);
    if (stateNonce.equals(MAX_U64)) {
      return "TransactionException.NONCE_IS_MAX";
    }
    int nonceOrder = tx.nonce().compareTo(stateNonce);
    if (nonceOrder != 0) {
      return nonceOrder < 0 ? "TransactionException.NONCE_MISMATCH_TOO_LOW" : "TransactionException.NONCE_MISMATCH_TOO_HIGH";
    }
    if (sender != null && sender.code().size() != 0
        && !(fork.isAtLeast(Fork.PRAGUE) && Delegation.isDesignator(sender.code()))) {
      return "TransactionException.SENDER_NOT_EOA"; // EIP-3607; EIP-7702 accepts delegated senders
    }
    BigInteger maxPrice = maxGasPrice(tx);
    if (maxPrice.compareTo(MAX_U256) > 0) {
      return "TransactionException.GASPRICE_TOO_LARGE";
    }
    if (fork.isAtLeast(Fork.LONDON)) {
      BigInteger baseFee = env.baseFee().toBigInteger();
      if (tx.maxPriorityFeePerGas() != null) {
        if (tx.maxPriorityFeePerGas().compareTo(MAX_U256) > 0) {
          return "TransactionException.GASPRICE_TOO_LARGE";
        }
        if (tx.maxPriorityFeePerGas().compareTo(maxPrice) > 0) {
          return "TransactionException.PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS";
        }
      }
      if (maxPrice.compareTo(baseFee) < 0) {
        return "TransactionException.INSUFFICIENT_MAX_FEE_PER_GAS";
      }
    }
    if (tx.type() == Transaction.BLOB) {
      String blobProblem = checkBlobs(fork, env.blobScheduleFor(fork), tx, blobBaseFee);
      if (blobProblem != null) {
        return blobProblem;
      }
    }
    if (tx.gasLimit().compareTo(unsigned(env.gasLimit())) > 0) { // uint64
      return "TransactionException.GAS_ALLOWANCE_EXCEEDED";
    }
    BigInteger maxCost = tx.gasLimit().multiply(maxPrice).add(tx.value());
    if (tx.type() == Transaction.BLOB) {
      maxCost = maxCost.add(blobGas(tx).multiply(tx.maxFeePerBlobGas()));
    }
    BigInteger balance = sender == null ? BigInteger.ZERO : sender.balance().toBigInteger();
    if (maxCost.compareTo(balance) > 0) {
      return "TransactionException.INSUFFICIENT_ACCOUNT_FUNDS";
    }
    if (tx.gasLimit().compareTo(BigInteger.valueOf(IntrinsicGas.of(tx, g))) < 0) {
      return "TransactionException.INTRINSIC_GAS_TOO_LOW";
    }
    if (tx.gasLimit().compareTo(BigInteger.valueOf(IntrinsicGas.floor(tx, g))) < 0) {
      return "TransactionException.INTRINSIC_GAS_BELOW_FLOOR_GAS_COST"; // EIP-7623
    }
    if (tx.isCreate() && g.maxInitcodeSize > 0 && tx.data().length > g.maxInitcodeSize) {
      return "TransactionException.INITCODE_SIZE_EXCEEDED"; // EIP-3860
    }
    return null;
  }

  private static String checkBlobs(Fork fork, BlobSchedule schedule, Transaction tx, BigInteger blobBaseFee) {
    if (tx.isCreate()) {
      return "TransactionException.TYPE_3_TX_CONTRACT_CREATION";
    }
    if (tx.blobVersionedHashes().isEmpty()) {
      return "TransactionException.TYPE_3_TX_ZERO_BLOBS";
    }
    int blobs = tx.blobVersionedHashes().size();
    if (blobs > schedule.max()) { // the block's limit is checked first
      return "TransactionException.TYPE_3_TX_MAX_BLOB_GAS_ALLOWANCE_EXCEEDED";
    }
    if (fork.isAtLeast(Fork.OSAKA) && blobs > BlobSchedule.MAX_BLOBS_PER_TX_OSAKA) {
      return "TransactionException.TYPE_3_TX_BLOB_COUNT_EXCEEDED"; // EIP-7594
    }
    for (Word h : tx.blobVersionedHashes()) {
      if (h.toBytes32()[0] != BLOB_COMMITMENT_VERSION_KZG) {
        return "TransactionException.TYPE_3_TX_INVALID_BLOB_VERSIONED_HASH";
      }
    }
    if (tx.maxFeePerBlobGas().compareTo(blobBaseFee) < 0) {
      return "TransactionException.INSUFFICIENT_MAX_FEE_PER_BLOB_GAS";
    }
    return null;
  }

  /** The most the sender may pay per gas: {@code gasPrice} or {@code maxFeePerGas}. */
  static BigInteger maxGasPrice(Transaction tx) {
    return tx.maxFeePerGas() != null ? tx.maxFeePerGas() : tx.gasPrice();
  }

  static BigInteger blobGas(Transaction tx) {
    return BigInteger.valueOf(BlobGas.GAS_PER_BLOB * tx.blobVersionedHashes().size());
  }

  /** {@code v} read as an unsigned 64-bit value. */
  static BigInteger unsigned(long v) {
    BigInteger low63 = BigInteger.valueOf(v & Long.MAX_VALUE);
    return v < 0 ? low63.setBit(63) : low63;
  }
}
