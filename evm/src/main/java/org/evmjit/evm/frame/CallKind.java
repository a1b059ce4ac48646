package org.evmjit.evm.frame;

/** The kinds of message a frame runs: the four calls and the two creates. */
public enum CallKind {
  CALL, CALLCODE, DELEGATECALL, STATICCALL, CREATE, CREATE2;

  public boolean isCreate() {
    return this == CREATE || this == CREATE2;
  }
}
