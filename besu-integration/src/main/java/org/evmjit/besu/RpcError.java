package org.evmjit.besu;

import org.hyperledger.besu.plugin.services.rpc.RpcMethodError;

/** The errors evmjit_* methods answer with (JSON-RPC codes: -32602 invalid params, -32000 server error). */
record RpcError(int code, String message) implements RpcMethodError {
  static final int INVALID_PARAMS = -32602;
  static final int NOT_RUNNING = -32000;

  @Override
  public int getCode() {
    return code;
  }

  @Override
  public String getMessage() {
    return message;
  }
}
