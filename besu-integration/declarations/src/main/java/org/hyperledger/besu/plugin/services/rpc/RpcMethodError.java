package org.hyperledger.besu.plugin.services.rpc;

public interface RpcMethodError {
  int getCode();

  String getMessage();
}
