package org.evmjit.besu;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.evmjit.plugin.runtime.JitRuntime;
import org.hyperledger.besu.plugin.services.RpcEndpointService;
import java.util.function.Function;
import org.hyperledger.besu.plugin.services.exception.PluginRpcEndpointException;
import org.hyperledger.besu.plugin.services.rpc.RpcMethodError;

/**
 * The operator's live control: {@code evmjit_*} JSON-RPC methods (enable the {@code EVMJIT} API
 * with {@code --rpc-http-api}). Registered at {@code register}, before Besu builds its RPC
 * methods; they answer "not running" until the plugin has started (and after it stopped).
 */
final class JitRpc {
  static final String NAMESPACE = "evmjit";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** How errors reach Besu: its PluginRpcEndpointException, which Besu turns into a JSON-RPC error. */
  static final Function<RpcMethodError, RuntimeException> BESU_ERRORS = PluginRpcEndpointException::new;

  private final Supplier<JitRuntime> runtime;
  private final Supplier<Map<String, Object>> pluginState;
  private final Function<RpcMethodError, RuntimeException> errors;

  JitRpc(Supplier<JitRuntime> runtime, Supplier<Map<String, Object>> pluginState,
      Function<RpcMethodError, RuntimeException> errors) {
    this.runtime = runtime;
    this.pluginState = pluginState;
    this.errors = errors;
  }

  void register(RpcEndpointService rpc) {
    add(rpc, "stats", (rt, p) -> {
      p.expect(0, "no parameters");
      return stats(rt);
    });
    add(rpc, "reset", (rt, p) -> {
      p.expect(0, "no parameters");
      rt.reset();
      return true;
    });
    add(rpc, "clearCold", (rt, p) -> {
      p.expect(0, "no parameters");
      return rt.clearCold();
    });
    add(rpc, "pin", (rt, p) -> {
      rt.pin(p.expect(1, "[codeHash]").hash32(0, "codeHash"));
      return true;
    });
    add(rpc, "unpin", (rt, p) -> {
      rt.unpin(p.expect(1, "[codeHash]").hash32(0, "codeHash"));
      return true;
    });
    add(rpc, "setThreshold", (rt, p) -> {
      long n = p.expect(1, "[threshold]").nonNegativeLong(0, "threshold");
      if (n > Integer.MAX_VALUE) {
        throw p.invalid("threshold must be at most " + Integer.MAX_VALUE + ", got " + n);
      }
      rt.setThreshold((int) n);
      return rt.threshold();
    });
    add(rpc, "setBudget", (rt, p) -> {
      rt.setBudgetBytes(p.expect(1, "[bytes] (a number or a size such as \"64M\")").size(0, "bytes"));
      return rt.budgetBytes();
    });
    add(rpc, "setEnabled", (rt, p) -> {
      rt.setEnabled(p.expect(1, "[true|false]").bool(0, "enabled"));
      return rt.isEnabled();
    });
  }

  private void add(RpcEndpointService rpc, String name, BiFunction<JitRuntime, RpcParams, Object> body) {
    rpc.registerRPCEndpoint(NAMESPACE, name, request -> {
      JitRuntime rt = runtime.get();
      if (rt == null) {
        throw errors.apply(new RpcError(RpcError.NOT_RUNNING,
            "evmjit is not running (disabled, not started yet, stopped, or Besu did not match; see the log)"));
      }
      return body.apply(rt, new RpcParams(NAMESPACE + "_" + name, request.getParams(), errors));
    });
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> stats(JitRuntime rt) {
    Map<String, Object> out = new LinkedHashMap<>(pluginState.get());
    try {
      out.put("runtime", JSON.readValue(rt.stats().toJson(), Map.class));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
