package org.evmjit.statetest.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.evmjit.evm.fork.Fork;
import org.evmjit.plugin.runtime.JitStats;
import org.evmjit.plugin.runtime.StoreConfig;
import org.evmjit.store.ArtifactStore;
import org.evmjit.store.StoreUnavailableException;

/**
 * The artifact store of one runtime run ({@code --store DIR}): opened before the runtime starts,
 * or, when it cannot be (missing or unwritable directory, locked by another process, not a
 * store), one warning and a runtime in memory; closed after the runtime has written its last
 * artifacts.
 */
final class StoreSession {
  private final ArtifactStore store;
  private final StoreConfig config;
  private final long openMillis;

  private StoreSession(ArtifactStore store, StoreConfig config, long openMillis) {
    this.store = store;
    this.config = config;
    this.openMillis = openMillis;
  }

  /**
   * Opens {@code directory}; warnings (unavailable store, failed writes) go to {@code err}.
   *
   * @param forks the forks whose artifacts are preloaded (empty: all)
   */
  static StoreSession open(Path directory, long diskBudgetBytes, List<Fork> forks, PrintStream err) {
    long start = System.nanoTime();
    try {
      ArtifactStore store = StoreOpener.open(directory, diskBudgetBytes);
      return new StoreSession(store, StoreConfig.of(store).withPreloadForks(forks).withWarnings(err::println),
          (System.nanoTime() - start) / 1_000_000);
    } catch (StoreUnavailableException e) {
      err.println("evmjit: warning: artifact store unavailable, running in memory only: " + e.getMessage());
      return new StoreSession(null, StoreConfig.unavailable(directory, e.getMessage()).withWarnings(err::println), 0);
    }
  }

  StoreConfig config() {
    return config;
  }

  /** Closes the store, unless the runtime's writer did not stop in time (then the process exit releases it). */
  void close(boolean runtimeStopped, PrintStream err) {
    if (store == null) {
      return;
    }
    if (!runtimeStopped) {
      err.println("evmjit: warning: artifact store " + config.directory() + " left open: a write was still running"
          + " at the shutdown time limit");
      return;
    }
    try {
      store.close();
    } catch (RuntimeException e) {
      err.println("evmjit: warning: closing artifact store " + config.directory() + ": " + e);
    }
  }

  /**
   * {@code evmjit: store ../s (opened in 900 ms): preloaded 1,234 artifacts (5,678,901 bytes) of
   * v1-cf65-... in 120 ms}, for standard error at start.
   */
  String preloadLine(JitStats.Store s) {
    if (s.unavailable() != null) {
      return "evmjit: store " + s.directory() + " unused: " + s.unavailable();
    }
    return String.format(Locale.ROOT, "evmjit: store %s (opened in %,d ms): preloaded %,d artifacts (%,d bytes) of %s"
        + " in %,d ms", s.directory(), openMillis, s.preloaded(), s.preloadBytes(), s.fingerprint(), s.preloadMillis());
  }

  /** The store's part of the one-line summary; empty without a store. */
  static String summary(JitStats.Store s) {
    if (s == null) {
      return "";
    }
    if (s.unavailable() != null) {
      return "; store unavailable";
    }
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "; store: %,d preloaded, %,d loaded, %,d persisted",
        s.preloaded(), s.loadedFromStore(), s.persisted()));
    if (s.rejectedTotal() > 0) {
      sb.append(String.format(Locale.ROOT, ", %,d rejected", s.rejectedTotal()));
    }
    if (s.persistDropped() > 0) {
      sb.append(String.format(Locale.ROOT, ", %,d dropped", s.persistDropped()));
    }
    if (s.persistStopped() != null) {
      sb.append(" (").append(s.persistStopped()).append(')');
    }
    return sb.toString();
  }
}
