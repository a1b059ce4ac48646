package org.hyperledger.besu.plugin.services.rpc;

public interface PluginRpcRequest {
  Object[] getParams();
}
