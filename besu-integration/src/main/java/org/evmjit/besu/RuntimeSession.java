package org.evmjit.besu;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import org.evmjit.plugin.runtime.CompilerProvider;
import org.evmjit.plugin.runtime.JitConfig;
import org.evmjit.plugin.runtime.JitRuntime;
import org.evmjit.plugin.runtime.StoreConfig;
import org.evmjit.store.ArtifactStore;
import org.evmjit.store.LmdbArtifactStore;
import org.evmjit.store.StoreOptions;
import org.evmjit.store.StoreUnavailableException;

/**
 * The JIT runtime of a running node and its artifact store: opened at the plugin's start (a
 * store that cannot be used is one warning, and the runtime works in memory), shut down at stop
 * (the store flushed, then closed).
 */
final class RuntimeSession implements AutoCloseable {
  private final JitRuntime runtime;
  private final ArtifactStore store;
  private final Consumer<String> warnings;

  private RuntimeSession(JitRuntime runtime, ArtifactStore store, Consumer<String> warnings) {
    this.runtime = runtime;
    this.store = store;
    this.warnings = warnings;
  }

  /**
   * @param storeDir null for no store
   */
  static RuntimeSession open(JitConfig config, Path storeDir, long storeBudget, Consumer<String> warnings) {
    CompilerProvider provider = CompilerProvider.find(null)
        .orElseThrow(() -> new IllegalStateException("no evmjit compiler in the plugin jar"));
    if (storeDir == null) {
      return new RuntimeSession(JitRuntime.start(config, provider), null, warnings);
    }
    try {
      ArtifactStore store = LmdbArtifactStore.open(storeDir, StoreOptions.defaults().withDiskBudget(storeBudget));
      return new RuntimeSession(JitRuntime.start(config, provider, StoreConfig.of(store).withWarnings(warnings)),
          store, warnings);
    } catch (StoreUnavailableException e) {
      warnings.accept("evmjit: artifact store unavailable, running in memory only: " + e.getMessage());
      return new RuntimeSession(JitRuntime.start(config, provider,
          StoreConfig.unavailable(storeDir, e.getMessage()).withWarnings(warnings)), null, warnings);
    }
  }

  JitRuntime runtime() {
    return runtime;
  }

  /** Stops the runtime (queued artifacts written) and closes the store when the writer stopped. */
  @Override
  public void close() {
    boolean stopped = runtime.shutdown(Duration.ofSeconds(10));
    if (store == null) {
      return;
    }
    if (!stopped) {
      warnings.accept("evmjit: artifact store left open: a write was still running at the shutdown limit");
      return;
    }
    store.close();
  }
}
