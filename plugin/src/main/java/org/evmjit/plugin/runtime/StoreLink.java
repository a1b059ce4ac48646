package org.evmjit.plugin.runtime;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.evmjit.store.ArtifactKey;
import org.evmjit.store.ArtifactStore;

/**
 * A runtime's tie to its artifact store: puts {@link StoreBackedCompiler} in front of the
 * compiler, preloads at start ({@link StorePreloader}, {@link PreloadDefiner}), writes behind
 * ({@link ArtifactPersister}), turns the coordinator's call counts into store hotness, and
 * snapshots the store statistics. Without a usable store (it could not be opened, or the compiler
 * generates no class files) it does nothing but report why.
 */
final class StoreLink implements HotnessSink {
  private final StoreConfig config;
  private final String fingerprint;
  private final String unavailable;
  private final StoreCounters counters = new StoreCounters();
  private final ArtifactPersister persister;
  private final StoredClassDefiner definer;
  private volatile PreloadDefiner preloadDefiner;

  private StoreLink(StoreConfig config, ArtifactFormat format, String unavailable, String threadPrefix) {
    this.config = config;
    this.unavailable = unavailable;
    this.fingerprint = format == null ? null : format.fingerprint();
    ArtifactStore store = config.store();
    boolean usable = unavailable == null;
    this.persister = usable ? new ArtifactPersister(store, config, counters, threadPrefix + "-store-writer") : null;
    this.definer = usable ? new StoredClassDefiner(store, format, counters) : null;
  }

  /** The link for {@code config}; {@code format} null when the compiler makes no class files. */
  static StoreLink create(StoreConfig config, ArtifactFormat format, String compilerName, String threadPrefix) {
    String why = config.unavailable();
    if (why == null && format == null) {
      why = "compiler '" + compilerName + "' generates no class files to store";
    }
    return new StoreLink(config, format, why, threadPrefix);
  }

  boolean usable() {
    return unavailable == null;
  }

  /** {@code compiler}, behind the store when there is one. */
  ProgramCompiler wrap(ProgramCompiler compiler) {
    if (!usable()) {
      return compiler;
    }
    return new StoreBackedCompiler(compiler, config.store(), fingerprint, definer, persister, counters,
        System::currentTimeMillis);
  }

  /** Preloads into {@code rt} (not started yet) and starts the background threads. */
  void start(JitRuntime rt, Coordinator coordinator, int definerThreads, String threadPrefix) {
    if (!usable()) {
      return;
    }
    coordinator.hotness(this, config.hotnessInterval());
    List<DeferredProgram> installed =
        new StorePreloader(config.store(), fingerprint, counters, config.warnings()).preload(rt, config.forksToPreload());
    PreloadDefiner d = new PreloadDefiner(installed, definer, coordinator, counters, definerThreads,
        threadPrefix + "-store-definer-");
    preloadDefiner = d;
    d.start();
    persister.start();
  }

  @Override
  public void record(List<Calls> batch) {
    Map<ArtifactKey, Long> calls = new HashMap<>();
    for (Calls c : batch) {
      calls.merge(new ArtifactKey(c.codeHash(), c.fork().fixtureName(), fingerprint), c.calls(), Long::sum);
    }
    persister.addCalls(calls);
  }

  /** Preloaded classes still to be defined. */
  int definitionsPending() {
    PreloadDefiner d = preloadDefiner;
    return d == null ? 0 : d.pending();
  }

  /**
   * Stops defining and writes what is queued, until {@code deadlineNanos}; true when no thread of
   * the link touches the store any more (then its owner may close it).
   */
  boolean close(long deadlineNanos) throws InterruptedException {
    if (!usable()) {
      return true;
    }
    PreloadDefiner d = preloadDefiner;
    boolean defined = d == null || d.stop(deadlineNanos);
    return persister.close(deadlineNanos) && defined;
  }

  JitStats.Store stats() {
    return new JitStats.Store(config.directory().toString(), fingerprint, unavailable,
        counters.preloaded.sum(), counters.preloadBytes.sum(), counters.preloadMillis, counters.preloadDefined.sum(),
        counters.loadedFromStore.sum(), counters.rejectedByReason(), counters.persisted.sum(),
        counters.persistBatches.sum(), counters.persistDropped.sum(), counters.persistFailures.sum(),
        persister == null ? null : persister.stopped(), persister == null ? 0 : persister.queued(),
        counters.hotnessRecorded.sum(), counters.readFailures.sum());
  }
}
