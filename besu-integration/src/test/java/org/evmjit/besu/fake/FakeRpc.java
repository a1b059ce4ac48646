package org.evmjit.besu.fake;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.hyperledger.besu.plugin.services.RpcEndpointService;
import org.hyperledger.besu.plugin.services.rpc.PluginRpcRequest;
import org.hyperledger.besu.plugin.services.rpc.RpcMethodError;

/**
 * Holds plugin JSON-RPC methods under {@code <namespace>_<name>} as Besu does, and calls them as
 * Besu's PluginJsonRpcMethod does: an error the plugin throws becomes a JSON-RPC error (here a
 * {@link Failure} carrying its code and message).
 */
public final class FakeRpc implements RpcEndpointService {
  public final Map<String, Function<PluginRpcRequest, ?>> methods = new TreeMap<>();

  /** What the plugin throws for an error in these tests (Besu's own exception type cannot be built here). */
  public static final class Failure extends RuntimeException {
    public final RpcMethodError error;

    public Failure(RpcMethodError error) {
      super(error.getCode() + " " + error.getMessage());
      this.error = error;
    }
  }

  @Override
  public <T> void registerRPCEndpoint(String namespace, String functionName, Function<PluginRpcRequest, T> function) {
    methods.put(namespace + "_" + functionName, function);
  }

  public Object call(String method, Object... params) {
    Function<PluginRpcRequest, ?> f = methods.get(method);
    if (f == null) {
      throw new IllegalArgumentException("no method " + method);
    }
    return f.apply(() -> params);
  }
}
