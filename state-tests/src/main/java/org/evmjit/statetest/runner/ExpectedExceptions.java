package org.evmjit.statetest.runner;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which of evmjit's rejection reasons (the {@code TransactionException} names of
 * {@code TransactionValidator}) satisfy a fixture's {@code expectException}. The table is explicit:
 * EEST names map to themselves and to what evmjit calls the same rule; the older ethereum/tests
 * and legacytests names ({@code TR_NoFunds}, {@code IntrinsicGas} ...) map to their meaning. A
 * fixture may list alternatives separated by {@code |}: any one accepted is enough.
 */
final class ExpectedExceptions {
  private static final String T = "TransactionException.";

  private static final Map<String, Set<String>> TABLE = Map.ofEntries(
      same("TYPE_NOT_SUPPORTED"),
      same("TYPE_3_TX_CONTRACT_CREATION"),
      same("TYPE_3_TX_ZERO_BLOBS"),
      same("TYPE_3_TX_INVALID_BLOB_VERSIONED_HASH"),
      same("TYPE_3_TX_MAX_BLOB_GAS_ALLOWANCE_EXCEEDED"),
      // before Osaka the only blob count limit is the block's (EIP-7594 adds one per transaction)
      as("TYPE_3_TX_BLOB_COUNT_EXCEEDED", "TYPE_3_TX_BLOB_COUNT_EXCEEDED", "TYPE_3_TX_MAX_BLOB_GAS_ALLOWANCE_EXCEEDED"),
      as("TYPE_3_TX_PRE_FORK", "TYPE_NOT_SUPPORTED"),
      same("TYPE_4_TX_CONTRACT_CREATION"),
      same("TYPE_4_EMPTY_AUTHORIZATION_LIST"),
      as("TYPE_4_TX_PRE_FORK", "TYPE_NOT_SUPPORTED"),
      same("INSUFFICIENT_MAX_FEE_PER_BLOB_GAS"),
      same("INSUFFICIENT_ACCOUNT_FUNDS"),
      // gasLimit * price past 2^256 is more than any balance
      as("GASLIMIT_PRICE_PRODUCT_OVERFLOW", "INSUFFICIENT_ACCOUNT_FUNDS"),
      same("INTRINSIC_GAS_TOO_LOW"),
      same("INTRINSIC_GAS_BELOW_FLOOR_GAS_COST"),
      same("SENDER_NOT_EOA"),
      same("INSUFFICIENT_MAX_FEE_PER_GAS"),
      same("PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS"),
      same("NONCE_IS_MAX"),
      same("NONCE_MISMATCH_TOO_LOW"),
      same("NONCE_MISMATCH_TOO_HIGH"),
      same("INITCODE_SIZE_EXCEEDED"),
      same("GAS_ALLOWANCE_EXCEEDED"),
      same("GAS_LIMIT_EXCEEDS_MAXIMUM"),
      same("GASPRICE_TOO_LARGE"),
      same("GASLIMIT_OR_NONCE_OR_VALUE_TOO_LARGE"),
      // a field wider than its RLP type allows
      as("RLP_INVALID_VALUE", "GASLIMIT_OR_NONCE_OR_VALUE_TOO_LARGE", "GASPRICE_TOO_LARGE"),
      legacy("TR_TypeNotSupported", "TYPE_NOT_SUPPORTED"),
      legacy("TR_NoFunds", "INSUFFICIENT_ACCOUNT_FUNDS"),
      legacy("TR_NoFundsX", "INSUFFICIENT_ACCOUNT_FUNDS"),
      legacy("TR_NoFundsOrGas", "INSUFFICIENT_ACCOUNT_FUNDS", "INTRINSIC_GAS_TOO_LOW"),
      legacy("TR_IntrinsicGas", "INTRINSIC_GAS_TOO_LOW"),
      legacy("IntrinsicGas", "INTRINSIC_GAS_TOO_LOW"),
      legacy("SenderNotEOA", "SENDER_NOT_EOA"),
      legacy("TR_RLP_WRONGVALUE", "GASLIMIT_OR_NONCE_OR_VALUE_TOO_LARGE", "GASPRICE_TOO_LARGE"),
      legacy("TR_FeeCapLessThanBlocks", "INSUFFICIENT_MAX_FEE_PER_GAS"),
      legacy("TR_NonceHasMaxValue", "NONCE_IS_MAX"),
      legacy("TR_TipGtFeeCap", "PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS"),
      legacy("TR_GasLimitReached", "GAS_ALLOWANCE_EXCEEDED"),
      legacy("TR_InitCodeLimitExceeded", "INITCODE_SIZE_EXCEEDED"),
      legacy("TR_EMPTYBLOB", "TYPE_3_TX_ZERO_BLOBS"),
      legacy("TR_BLOBVERSION_INVALID", "TYPE_3_TX_INVALID_BLOB_VERSIONED_HASH"),
      legacy("TR_BLOBLIST_OVERSIZE", "TYPE_3_TX_MAX_BLOB_GAS_ALLOWANCE_EXCEEDED", "TYPE_3_TX_BLOB_COUNT_EXCEEDED"),
      legacy("TR_BLOBCREATE", "TYPE_3_TX_CONTRACT_CREATION"));

  private ExpectedExceptions() {}

  /**
   * Null when {@code reason} satisfies one of the {@code expected} alternatives; otherwise why not
   * (a different kind, or no alternative known to the table).
   */
  static String mismatch(List<String> expected, String reason) {
    boolean anyKnown = false;
    for (String name : expected) {
      Set<String> accepted = TABLE.get(name);
      if (accepted != null) {
        anyKnown = true;
        if (accepted.contains(reason)) {
          return null;
        }
      }
    }
    String wanted = String.join("|", expected);
    return anyKnown
        ? "expected exception " + wanted + " but the transaction was rejected with " + reason
        : "expected exception " + wanted + " is not in evmjit's table of exception names (rejected with " + reason + ")";
  }

  private static Map.Entry<String, Set<String>> same(String name) {
    return as(name, name);
  }

  private static Map.Entry<String, Set<String>> as(String name, String... reasons) {
    return Map.entry(T + name, reasons(reasons));
  }

  private static Map.Entry<String, Set<String>> legacy(String name, String... reasons) {
    return Map.entry(name, reasons(reasons));
  }

  private static Set<String> reasons(String... names) {
    String[] full = new String[names.length];
    for (int i = 0; i < names.length; i++) {
      full[i] = T + names[i];
    }
    return Set.of(full);
  }
}
