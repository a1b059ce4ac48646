package org.evmjit.evm.frame;

/** Why a frame stopped exceptionally (consuming all its gas). */
public enum HaltReason {
  OUT_OF_GAS("out of gas"),
  STACK_UNDERFLOW("stack underflow"),
  STACK_OVERFLOW("stack overflow"),
  INVALID_JUMP("invalid jump destination"),
  INVALID_OPCODE("invalid opcode"),
  STATIC_STATE_CHANGE("write protection"),
  RETURN_DATA_OUT_OF_BOUNDS("return data out of bounds"),
  CODE_SIZE_EXCEEDED("max code size exceeded"),
  INITCODE_SIZE_EXCEEDED("max initcode size exceeded"),
  INVALID_CODE_PREFIX("invalid code: must not begin with 0xef"),
  CONTRACT_ADDRESS_COLLISION("contract address collision"),
  PRECOMPILE_FAILURE("precompile failed");

  private final String message;

  HaltReason(String message) {
    this.message = message;
  }

  /** The message EIP-3155 traces and the CLI print. */
  public String message() {
    return message;
  }
}
