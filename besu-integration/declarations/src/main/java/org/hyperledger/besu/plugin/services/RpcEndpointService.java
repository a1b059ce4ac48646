package org.hyperledger.besu.plugin.services;

import java.util.function.Function;
import org.hyperledger.besu.plugin.services.rpc.PluginRpcRequest;

public interface RpcEndpointService extends BesuService {
  <T> void registerRPCEndpoint(String namespace, String functionName, Function<PluginRpcRequest, T> function);
}
