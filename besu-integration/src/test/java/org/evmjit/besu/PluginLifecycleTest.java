package org.evmjit.besu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.evmjit.besu.fake.FakeConfiguration;
import org.evmjit.besu.fake.FakeMetrics;
import org.evmjit.besu.fake.FakePicoCliOptions;
import org.evmjit.besu.fake.FakeRpc;
import org.evmjit.besu.fake.FakeServices;
import org.evmjit.besu.fake.Instances;
import org.hyperledger.besu.ethereum.mainnet.ProtocolSchedule;
import org.hyperledger.besu.ethereum.mainnet.ProtocolSpec;
import org.hyperledger.besu.plugin.BesuPlugin;
import org.hyperledger.besu.plugin.services.BesuConfiguration;
import org.hyperledger.besu.plugin.services.BlockchainService;
import org.hyperledger.besu.plugin.services.MetricsSystem;
import org.hyperledger.besu.plugin.services.PicoCLIOptions;
import org.hyperledger.besu.plugin.services.RpcEndpointService;
import org.hyperledger.besu.plugin.services.metrics.MetricCategoryRegistry;
import org.hyperledger.besu.services.BlockchainServiceImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** register/start/stop against test implementations of the Besu services the plugin uses. */
class PluginLifecycleTest {
  @Command(name = "besu")
  static final class Besu implements Runnable {
    @Override
    public void run() {}
  }

  private final List<String> infos = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private final EvmJitPlugin plugin = new EvmJitPlugin(infos::add, warnings::add, FakeRpc.Failure::new);
  private final CommandLine besu = new CommandLine(new Besu());
  private final FakeMetrics metrics = new FakeMetrics();
  private final FakeRpc rpc = new FakeRpc();
  @TempDir Path data;

  private FakeServices services(BlockchainService chain) {
    FakeServices s = new FakeServices()
        .add(PicoCLIOptions.class, new FakePicoCliOptions(besu))
        .add(MetricCategoryRegistry.class, metrics)
        .add(MetricsSystem.class, metrics)
        .add(RpcEndpointService.class, rpc)
        .add(BesuConfiguration.class, new FakeConfiguration(data));
    if (chain != null) {
      s.add(BlockchainService.class, chain);
    }
    return s;
  }

  @Test
  void serviceLoaderFindsThePlugin() {
    List<String> names = ServiceLoader.load(BesuPlugin.class).stream().map(p -> p.type().getName()).toList();
    assertEquals(List.of(EvmJitPlugin.class.getName()), names);
  }

  @Test
  void optionsAreParsedByPicocliAsBesuRegistersThem() {
    plugin.register(services(null));
    besu.parseArgs("--plugin-evmjit-threshold=5", "--plugin-evmjit-budget=16M", "--plugin-evmjit-workers", "2",
        "--plugin-evmjit-store=/tmp/x", "--plugin-evmjit-store-budget=1G", "--plugin-evmjit-enabled=false",
        "--plugin-evmjit-gas-per-call=0", "--plugin-evmjit-store-enabled=false");
    EvmJitOptions o = plugin.options();
    assertEquals(5, o.threshold);
    assertEquals(16L << 20, o.budgetBytes);
    assertEquals(2, o.workers);
    assertEquals(Path.of("/tmp/x"), o.store);
    assertEquals(1L << 30, o.storeBudgetBytes);
    assertFalse(o.enabled);
    assertFalse(o.storeEnabled);
    assertEquals(0, o.gasPerCall);
    assertTrue(besu.getCommandSpec().mixins().containsKey("Plugin evmjit"));
  }

  @Test
  void badOptionValuesAreClearErrors() {
    plugin.register(services(null));
    CommandLine.ParameterException e = assertThrows(CommandLine.ParameterException.class,
        () -> besu.parseArgs("--plugin-evmjit-budget=lots"));
    assertTrue(e.getMessage().contains("'lots' is not a size in bytes"), e.getMessage());
    assertThrows(CommandLine.ParameterException.class, () -> besu.parseArgs("--plugin-evmjit-threshold=many"));
    assertThrows(CommandLine.UnmatchedArgumentException.class, () -> besu.parseArgs("--plugin-evmjit-nope=1"));
  }

  @Test
  void aNegativeThresholdStopsTheStartWithOneLine() {
    plugin.register(services(null));
    besu.parseArgs("--plugin-evmjit-threshold=-1");
    plugin.start();
    assertEquals(List.of("evmjit: not started, Besu left untouched: --plugin-evmjit-threshold must be >= 0, was -1"),
        warnings);
    assertNull(plugin.runtime());
  }

  @Test
  void registerAddsTheMetricCategoryAndEveryRpcMethod() {
    plugin.register(services(null));
    assertEquals(List.of("evmjit"), metrics.categories.stream().map(c -> c.getName()).toList());
    assertEquals(Set.of("evmjit_stats", "evmjit_reset", "evmjit_clearCold", "evmjit_pin", "evmjit_unpin",
        "evmjit_setThreshold", "evmjit_setBudget", "evmjit_setEnabled"), rpc.methods.keySet());
  }

  @Test
  void rpcBeforeStartSaysNotRunning() {
    plugin.register(services(null));
    FakeRpc.Failure f = assertThrows(FakeRpc.Failure.class, () -> rpc.call("evmjit_stats"));
    assertEquals(RpcError.NOT_RUNNING, f.error.getCode());
    assertTrue(f.error.getMessage().contains("not running"));
  }

  @Test
  void disabledChangesNothing() {
    plugin.register(services(null));
    besu.parseArgs("--plugin-evmjit-enabled=false");
    plugin.start();
    assertEquals(List.of("evmjit: disabled (--plugin-evmjit-enabled=false); Besu runs unchanged"), infos);
    assertTrue(warnings.isEmpty());
    assertNull(plugin.runtime());
    plugin.stop();
    assertEquals(1, infos.size());
  }

  @Test
  void anUnknownBlockchainServiceLeavesBesuUntouchedWithOneLine() {
    BlockchainService other = new BlockchainService() {};
    plugin.register(services(other));
    plugin.start();
    assertEquals(1, warnings.size(), warnings::toString);
    assertTrue(warnings.get(0).startsWith("evmjit: not installed, Besu left untouched: BlockchainService is "),
        warnings.get(0));
    assertNull(plugin.runtime());
    assertTrue(metrics.counters.isEmpty(), "no metrics when not installed");
    plugin.stop();
    assertTrue(infos.isEmpty());
  }

  @Test
  void noBlockchainServiceLeavesBesuUntouched() {
    plugin.register(services(null));
    plugin.start();
    assertEquals(List.of("evmjit: not installed, Besu left untouched: Besu offers no BlockchainService"), warnings);
  }

  @Test
  void aScheduleNotSetYetLeavesBesuUntouched() {
    plugin.register(services(new BlockchainServiceImpl(null)));
    plugin.start();
    assertEquals(List.of("evmjit: not installed, Besu left untouched: "
        + "org.hyperledger.besu.services.BlockchainServiceImpl.protocolSchedule is not set yet"), warnings);
  }

  @Test
  void aScheduleWithoutSpecsLeavesBesuUntouchedAndStartsNoRuntime() {
    ProtocolSchedule empty = predicate -> false;
    plugin.register(services(new BlockchainServiceImpl(empty)));
    plugin.start();
    assertEquals(List.of("evmjit: not installed, Besu left untouched: the protocol schedule has no message processors"),
        warnings);
    assertNull(plugin.runtime());
  }

  @Test
  void aFailureWhileReadingTheSpecsLeavesBesuUntouched() {
    // The declarations' bodies throw, as a Besu whose ProtocolSpec no longer behaves as expected might.
    ProtocolSpec spec = Instances.allocate(ProtocolSpec.class);
    ProtocolSchedule one = predicate -> predicate.test(() -> spec);
    plugin.register(services(new BlockchainServiceImpl(one)));
    plugin.start();
    assertEquals(1, warnings.size());
    assertTrue(warnings.get(0).startsWith("evmjit: not installed, Besu left untouched: "), warnings.get(0));
    assertNull(plugin.runtime());
  }
}
