package org.evmjit.evm.frame;

import org.evmjit.evm.word.Address;
import org.evmjit.evm.word.Word;

/**
 * A request to run a child frame, made by a CALL-family or CREATE-family instruction when it
 * suspends its frame, or by the transaction itself for the outermost frame.
 *
 * @param recipient the account whose storage and balance the child uses; for creates, unset
 *     (the executor derives the new address)
 * @param codeAddress whose code runs (for CALLCODE and DELEGATECALL, not the recipient)
 * @param value the value transferred (CALL, CALLCODE, creates) or, for DELEGATECALL, the
 *     apparent value passed through
 * @param input call data, or the initcode for creates
 * @param salt CREATE2's salt; null otherwise
 * @param outOffset where the caller's memory receives the output (calls only)
 * @param outSize how many bytes of output the caller's memory receives (calls only)
 */
public record Message(
    CallKind kind,
    Address caller,
    Address recipient,
    Address codeAddress,
    Word value,
    byte[] input,
    long gas,
    boolean isStatic,
    int depth,
    Word salt,
    long outOffset,
    long outSize) {

  /** True when the message moves value from caller to recipient (not DELEGATECALL's apparent value). */
  public boolean transfersValue() {
    return kind != CallKind.DELEGATECALL && kind != CallKind.STATICCALL && !value.isZero();
  }
}
