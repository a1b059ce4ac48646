package org.evmjit.evm.tx;

import java.util.List;

/**
 * What a transaction did.
 *
 * @param invalidReason null for a valid transaction; otherwise why it was rejected, as one of the
 *     ethereum/tests {@code TransactionException} names (for example
 *     {@code TransactionException.INTRINSIC_GAS_TOO_LOW}); a rejected transaction changes no state
 * @param status how the outermost frame ended (meaningless when invalid)
 * @param gasUsed gas charged to the sender after refunds
 * @param output the outermost frame's return or revert data
 * @param logs logs of the transaction (empty unless it succeeded)
 * @param haltReason for {@link ExecutionStatus#HALT}, what stopped it (out of gas, bad jump ...)
 * @param executionNanos wall time spent executing the transaction's frames (the root message and
 *     every frame it calls or creates), without validation, gas purchase, warming, refund and
 *     finalisation; 0 for a rejected transaction, -1 when the engine does not measure it
 */
public record TransactionResult(
    String invalidReason,
    ExecutionStatus status,
    long gasUsed,
    byte[] output,
    List<Log> logs,
    String haltReason,
    long executionNanos) {

  /** A result whose execution time is not measured. */
  public TransactionResult(
      String invalidReason, ExecutionStatus status, long gasUsed, byte[] output, List<Log> logs, String haltReason) {
    this(invalidReason, status, gasUsed, output, logs, haltReason, -1);
  }

  public boolean isValid() {
    return invalidReason == null;
  }

  public static TransactionResult invalid(String reason) {
    return new TransactionResult(reason, ExecutionStatus.HALT, 0, new byte[0], List.of(), null, 0);
  }
}
