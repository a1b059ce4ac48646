package org.evmjit.besu;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import org.evmjit.besu.seam.ForkMapping;
import org.evmjit.plugin.runtime.JitConfig;
import org.evmjit.plugin.runtime.JitRuntime;
import org.hyperledger.besu.ethereum.mainnet.ProtocolSpec;
import org.hyperledger.besu.evm.EVM;
import org.hyperledger.besu.evm.processor.AbstractMessageProcessor;
import org.hyperledger.besu.plugin.BesuPlugin;
import org.hyperledger.besu.plugin.ServiceManager;
import org.hyperledger.besu.plugin.services.BesuConfiguration;
import org.hyperledger.besu.plugin.services.BlockchainService;
import org.hyperledger.besu.plugin.services.MetricsSystem;
import org.hyperledger.besu.plugin.services.PicoCLIOptions;
import org.hyperledger.besu.plugin.services.RpcEndpointService;
import org.hyperledger.besu.plugin.services.metrics.MetricCategoryRegistry;
import org.hyperledger.besu.plugin.services.rpc.RpcMethodError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The evmjit Besu plugin. {@code register}: options, metric category, JSON-RPC methods.
 * {@code start}: checks every Besu type and field it touches, starts the JIT runtime (with its
 * store) and puts a {@link JitEvm} into the message processors of every protocol spec whose fork
 * evmjit implements; on any mismatch one log line and Besu untouched. {@code stop}: the original
 * EVMs back, the runtime stopped, the store flushed and closed.
 */
public final class EvmJitPlugin implements BesuPlugin {
  private static final Logger LOG = LoggerFactory.getLogger(EvmJitPlugin.class);

  private final EvmJitOptions options = new EvmJitOptions();
  private final FrameCounters counters = new FrameCounters();
  private final ForkMapping forks = ForkMapping.load();
  private final Consumer<String> info;
  private final Consumer<String> warn;
  private final Function<RpcMethodError, RuntimeException> rpcErrors;
  private ServiceManager services;
  private volatile RuntimeSession session;
  private EvmSwap swap;
  private volatile String status = "registered";
  private volatile List<String> acceleratedForks = List.of();

  public EvmJitPlugin() {
    this(LOG::info, LOG::warn, JitRpc.BESU_ERRORS);
  }

  /** With the log lines and RPC errors going where a test can see them. */
  EvmJitPlugin(Consumer<String> info, Consumer<String> warn, Function<RpcMethodError, RuntimeException> rpcErrors) {
    this.info = info;
    this.warn = warn;
    this.rpcErrors = rpcErrors;
  }

  @Override
  public String getName() {
    return "evmjit";
  }

  @Override
  public void register(ServiceManager context) {
    this.services = context;
    context.getService(PicoCLIOptions.class).ifPresentOrElse(
        cli -> cli.addPicoCLIOptions(EvmJitOptions.NAMESPACE, options),
        () -> warn.accept("evmjit: Besu offers no PicoCLIOptions service: the --plugin-evmjit-* options are unavailable"));
    context.getService(MetricCategoryRegistry.class).ifPresent(r -> r.addMetricCategory(EvmJitMetricCategory.INSTANCE));
    context.getService(RpcEndpointService.class).ifPresent(rpc -> new JitRpc(this::runtime, this::state, rpcErrors).register(rpc));
  }

  @Override
  public void start() {
    if (!options.enabled) {
      status = "disabled";
      info.accept("evmjit: disabled (--plugin-evmjit-enabled=false); Besu runs unchanged");
      return;
    }
    JitConfig config;
    try {
      config = options.config();
    } catch (IllegalArgumentException e) {
      status = "bad option: " + e.getMessage();
      warn.accept("evmjit: not started, Besu left untouched: " + e.getMessage());
      return;
    }
    RuntimeSession opened = null;
    EvmSwap prepared = null;
    try {
      prepared = EvmSwap.prepare();
      BlockchainService chain = services.getService(BlockchainService.class)
          .orElseThrow(() -> new IncompatibleBesuException("Besu offers no BlockchainService"));
      List<ProtocolSpec> specs = ProtocolSpecs.specs(ProtocolSpecs.schedule(chain));
      List<AbstractMessageProcessor> processors = ProtocolSpecs.processors(specs);
      if (processors.isEmpty()) {
        throw new IncompatibleBesuException("the protocol schedule has no message processors");
      }
      opened = RuntimeSession.open(config, storeDirectory(), options.storeBudgetBytes, warn);
      JitRuntime runtime = opened.runtime();
      TreeSet<String> accelerated = new TreeSet<>();
      TreeSet<String> notAccelerated = new TreeSet<>();
      int n = prepared.install(processors, evm -> wrap(evm, runtime, accelerated, notAccelerated));
      session = opened;
      swap = prepared;
      acceleratedForks = List.copyOf(accelerated);
      services.getService(MetricsSystem.class).ifPresent(m -> JitMetrics.register(m, runtime::stats, counters));
      status = "active";
      info.accept("evmjit: active in " + n + " message processors; accelerated forks " + accelerated
          + ", on Besu's interpreter " + notAccelerated + "; threshold " + config.threshold() + ", budget "
          + config.budgetBytes() + " bytes, store " + (storeDirectory() == null ? "off" : storeDirectory()));
    } catch (IncompatibleBesuException | RuntimeException | LinkageError e) {
      String why = e instanceof IncompatibleBesuException ? e.getMessage() : e.toString();
      status = "not installed: " + why;
      warn.accept("evmjit: not installed, Besu left untouched: " + why);
      if (prepared != null) {
        prepared.restore();
      }
      session = null;
      swap = null;
      if (opened != null) {
        opened.close();
      }
    }
  }

  private Optional<EVM> wrap(EVM evm, JitRuntime runtime, TreeSet<String> accelerated, TreeSet<String> not) {
    String fork = evm.getEvmVersion().name();
    if (evm instanceof JitEvm) {
      return Optional.empty();
    }
    return forks.forNode(fork).map(f -> {
      accelerated.add(fork);
      return (EVM) new JitEvm(evm, f, runtime, counters);
    }).or(() -> {
      not.add(fork);
      return Optional.empty();
    });
  }

  private Path storeDirectory() {
    if (!options.storeEnabled) {
      return null;
    }
    if (options.store != null) {
      return options.store;
    }
    return services.getService(BesuConfiguration.class).map(c -> c.getDataPath().resolve("evmjit")).orElse(null);
  }

  @Override
  public void stop() {
    RuntimeSession s = session;
    if (s == null) {
      return;
    }
    int restored = swap.restore();
    session = null;
    s.close();
    status = "stopped";
    info.accept("evmjit: stopped; " + restored + " original EVMs restored, store flushed");
  }

  /** The running runtime, or null. */
  JitRuntime runtime() {
    RuntimeSession s = session;
    return s == null ? null : s.runtime();
  }

  EvmJitOptions options() {
    return options;
  }

  /** What {@code evmjit_stats} reports besides the runtime's statistics. */
  Map<String, Object> state() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", status);
    m.put("acceleratedForks", acceleratedForks);
    m.put("compiledFrames", counters.compiledFrames.sum());
    m.put("interpretedFrames", counters.interpretedFrames.sum());
    m.put("tracedFrames", counters.tracedFrames.sum());
    m.put("fallbacks", counters.fallbacks.sum());
    m.put("failures", counters.failures.sum());
    return m;
  }
}
