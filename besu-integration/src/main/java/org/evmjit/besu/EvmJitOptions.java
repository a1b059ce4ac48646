package org.evmjit.besu;

import java.nio.file.Path;
import org.evmjit.plugin.runtime.ByteSize;
import org.evmjit.plugin.runtime.JitConfig;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The plugin's command-line options, added to Besu's command line through {@code PicoCLIOptions}
 * under the namespace {@code evmjit} (so every name starts with {@code --plugin-evmjit-}). Also
 * settable as {@code plugin-evmjit-...} in Besu's TOML configuration file or as
 * {@code BESU_PLUGIN_EVMJIT_...} environment variables, as for every Besu option.
 */
public final class EvmJitOptions {
  static final String NAMESPACE = "evmjit";

  @Option(names = "--plugin-evmjit-enabled", arity = "1", paramLabel = "<BOOLEAN>",
      description = "Run hot contracts compiled (default: ${DEFAULT-VALUE}). When false the plugin changes nothing.")
  boolean enabled = true;

  @Option(names = "--plugin-evmjit-threshold", paramLabel = "<CALLS>",
      description = "Calls (or interpreted gas / gas-per-call) before code is compiled (default: ${DEFAULT-VALUE}).")
  int threshold = JitConfig.defaults().threshold();

  @Option(names = "--plugin-evmjit-gas-per-call", paramLabel = "<GAS>",
      description = "Interpreted gas that counts as one call toward the threshold; 0: calls only (default: ${DEFAULT-VALUE}).")
  long gasPerCall = JitConfig.defaults().gasPerCall();

  @Option(names = "--plugin-evmjit-budget", paramLabel = "<BYTES>", converter = SizeConverter.class,
      description = "Memory budget for compiled classes, e.g. 64M, 1G (default: ${DEFAULT-VALUE} bytes).")
  long budgetBytes = JitConfig.defaults().budgetBytes();

  @Option(names = "--plugin-evmjit-workers", paramLabel = "<N>",
      description = "Background compile threads (default: ${DEFAULT-VALUE}).")
  int workers = JitConfig.defaults().workers();

  @Option(names = "--plugin-evmjit-store", paramLabel = "<DIR>",
      description = "Artifact store of compiled classes, preloaded at start (default: <data-path>/evmjit).")
  Path store;

  @Option(names = "--plugin-evmjit-store-enabled", arity = "1", paramLabel = "<BOOLEAN>",
      description = "Keep compiled classes on disk across restarts (default: ${DEFAULT-VALUE}).")
  boolean storeEnabled = true;

  @Option(names = "--plugin-evmjit-store-budget", paramLabel = "<BYTES>", converter = SizeConverter.class,
      description = "Disk budget of the store; past it the coldest records go; 0: none (default: ${DEFAULT-VALUE}).")
  long storeBudgetBytes;

  /** The runtime configuration; IllegalArgumentException names the bad option. */
  JitConfig config() {
    if (threshold < 0) {
      throw new IllegalArgumentException("--plugin-evmjit-threshold must be >= 0, was " + threshold);
    }
    if (workers < 1) {
      throw new IllegalArgumentException("--plugin-evmjit-workers must be >= 1, was " + workers);
    }
    if (budgetBytes < 0 || storeBudgetBytes < 0 || gasPerCall < 0) {
      throw new IllegalArgumentException("--plugin-evmjit-budget, -store-budget and -gas-per-call must be >= 0");
    }
    return JitConfig.defaults().toBuilder().enabled(enabled).threshold(threshold).gasPerCall(gasPerCall)
        .budgetBytes(budgetBytes).workers(workers).build();
  }

  /** picocli's view of {@link ByteSize}. */
  public static final class SizeConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      try {
        return ByteSize.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
