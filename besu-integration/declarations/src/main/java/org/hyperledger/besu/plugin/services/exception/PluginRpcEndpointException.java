package org.hyperledger.besu.plugin.services.exception;

import org.evmjit.besu.declarations.Absent;
import org.hyperledger.besu.plugin.services.rpc.RpcMethodError;

public class PluginRpcEndpointException extends RuntimeException {
  public PluginRpcEndpointException(RpcMethodError rpcMethodError) {
    throw Absent.absent();
  }

  public RpcMethodError getRpcMethodError() {
    throw Absent.absent();
  }
}
