package org.evmjit.evm.rlp;

/** Malformed or non-canonical RLP input; the message says what is wrong and at which offset. */
public final class RlpException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RlpException(String message) {
    super(message);
  }
}
