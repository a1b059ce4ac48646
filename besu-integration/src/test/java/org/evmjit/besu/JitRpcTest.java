package org.evmjit.besu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.Map;
import org.evmjit.besu.fake.FakeMetrics;
import org.evmjit.besu.fake.FakeRpc;
import org.evmjit.plugin.runtime.JitConfig;
import org.evmjit.plugin.runtime.JitRuntime;
import org.evmjit.plugin.runtime.stub.InterpreterStubCompiler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The evmjit_* methods against a running runtime, called as Besu calls plugin RPC methods; and the metrics. */
class JitRpcTest {
  private static final String HASH = "0x" + "ab".repeat(32);

  private final JitRuntime runtime = JitRuntime.start(JitConfig.defaults(), new InterpreterStubCompiler(), "stub");
  private final FakeRpc rpc = new FakeRpc();

  JitRpcTest() {
    new JitRpc(() -> runtime, () -> Map.of("status", "active"), FakeRpc.Failure::new).register(rpc);
  }

  @AfterEach
  void stop() {
    runtime.close();
  }

  private RpcError rejected(String method, Object... params) {
    FakeRpc.Failure f = assertThrows(FakeRpc.Failure.class, () -> rpc.call(method, params));
    assertEquals(RpcError.INVALID_PARAMS, f.error.getCode(), f.error.getMessage());
    assertTrue(f.error.getMessage().startsWith("Invalid params: " + method + " "), f.error.getMessage());
    return (RpcError) f.error;
  }

  @Test
  void setThresholdAnswersTheNewValueAndRejectsBadOnes() {
    assertEquals(7, rpc.call("evmjit_setThreshold", 7));
    assertEquals(7, runtime.threshold());
    assertEquals(16, rpc.call("evmjit_setThreshold", "0x10"));
    assertTrue(rejected("evmjit_setThreshold", -1).message().contains("between 0 and"));
    assertTrue(rejected("evmjit_setThreshold", "lots").message().contains("non-negative integer"));
    assertTrue(rejected("evmjit_setThreshold", 1.5).message().contains("non-negative integer"));
    assertTrue(rejected("evmjit_setThreshold", 3_000_000_000L).message().contains("at most"));
    assertTrue(rejected("evmjit_setThreshold").message().contains("expects [threshold], got 0 parameter(s)"));
    assertEquals(16, runtime.threshold(), "rejected calls changed nothing");
  }

  @Test
  void setBudgetTakesNumbersAndSizes() {
    assertEquals(1L << 20, rpc.call("evmjit_setBudget", "1M"));
    assertEquals(4096L, rpc.call("evmjit_setBudget", 4096));
    assertEquals(4096L, runtime.budgetBytes());
    assertTrue(rejected("evmjit_setBudget", "big").message().contains("not a size in bytes"));
  }

  @Test
  void setEnabledTakesBooleansOnly() {
    assertEquals(false, rpc.call("evmjit_setEnabled", false));
    assertFalse(runtime.isEnabled());
    assertEquals(true, rpc.call("evmjit_setEnabled", "true"));
    assertTrue(rejected("evmjit_setEnabled", "yes").message().contains("true or false"));
    assertTrue(rejected("evmjit_setEnabled", true, false).message().contains("got 2 parameter(s)"));
  }

  @Test
  void pinAndUnpinTakeACodeHash() {
    assertEquals(true, rpc.call("evmjit_pin", HASH));
    assertTrue(runtime.isPinned(HexFormat.of().parseHex(HASH.substring(2))));
    assertEquals(true, rpc.call("evmjit_unpin", HASH.substring(2)));
    assertFalse(runtime.isPinned(HexFormat.of().parseHex(HASH.substring(2))));
    assertTrue(rejected("evmjit_pin", "0x1234").message().contains("64 hex digits"));
    assertTrue(rejected("evmjit_pin", "zz".repeat(32)).message().contains("not hex"));
    assertTrue(rejected("evmjit_unpin", 5).message().contains("32-byte hex string"));
  }

  @Test
  void statsResetAndClearColdAnswer() {
    @SuppressWarnings("unchecked")
    Map<String, Object> stats = (Map<String, Object>) rpc.call("evmjit_stats");
    assertEquals("active", stats.get("status"));
    @SuppressWarnings("unchecked")
    Map<String, Object> rt = (Map<String, Object>) stats.get("runtime");
    assertEquals(runtime.threshold(), ((Number) rt.get("threshold")).intValue());
    assertEquals(true, rpc.call("evmjit_reset"));
    assertEquals(0, rpc.call("evmjit_clearCold"));
    assertTrue(rejected("evmjit_stats", 1).message().contains("expects no parameters"));
  }

  @Test
  void metricsAreRegisteredAndReadTheRuntime() {
    FakeMetrics metrics = new FakeMetrics();
    FrameCounters frames = new FrameCounters();
    JitMetrics.register(metrics, runtime::stats, frames);
    assertTrue(metrics.counters.keySet().containsAll(java.util.List.of("evmjit_lookups_total", "evmjit_hits_total",
        "evmjit_compiles_total", "evmjit_evictions_total", "evmjit_store_preloaded_total", "evmjit_fallbacks_total",
        "evmjit_compiled_frames_total")), metrics.counters.keySet()::toString);
    assertTrue(metrics.gauges.keySet().containsAll(java.util.List.of("evmjit_resident_bytes",
        "evmjit_compile_time_mean_ms", "evmjit_budget_bytes")), metrics.gauges.keySet()::toString);
    assertEquals(runtime.budgetBytes(), metrics.gauges.get("evmjit_budget_bytes").getAsDouble());
    frames.fallbacks.increment();
    assertEquals(1.0, metrics.counters.get("evmjit_fallbacks_total").getAsDouble());
  }
}
