package org.evmjit.plugin.runtime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.evmjit.evm.fork.Fork;
import org.evmjit.store.Artifact;
import org.evmjit.store.ArtifactStore;
import org.evmjit.store.LoadResult;

/**
 * Reads the artifacts of the current fingerprint for the preloaded forks, hottest first (recorded
 * calls, then newest) within the memory budget, and installs them in the runtime as
 * {@link DeferredProgram}s: resident at once, classes defined afterwards by {@link PreloadDefiner}.
 * The store reads each fork's records up to the whole budget; with several forks they are merged
 * by hotness and cut at the budget here (so a few forks' worth of class bytes may be read and
 * dropped, once, at start).
 */
final class StorePreloader {
  private static final Comparator<LoadResult.Loaded> HOTTEST_FIRST =
      Comparator.comparingLong(LoadResult.Loaded::calls).reversed()
          .thenComparing(Comparator.comparingLong((LoadResult.Loaded l) -> l.artifact().createdMillis()).reversed());

  private final ArtifactStore store;
  private final String fingerprint;
  private final StoreCounters counters;
  private final Consumer<String> warnings;

  StorePreloader(ArtifactStore store, String fingerprint, StoreCounters counters, Consumer<String> warnings) {
    this.store = store;
    this.fingerprint = fingerprint;
    this.counters = counters;
    this.warnings = warnings;
  }

  /** Installs what fits in {@code rt}'s budget; returns the installed programs, hottest first, for definition. */
  List<DeferredProgram> preload(JitRuntime rt, List<Fork> forks) {
    long start = System.nanoTime();
    long budget = rt.budgetBytes();
    List<LoadResult.Loaded> loaded = read(forks, budget);
    if (forks.size() > 1) {
      loaded.sort(HOTTEST_FIRST);
    }
    List<PreloadedProgram> programs = new ArrayList<>();
    List<DeferredProgram> deferred = new ArrayList<>();
    long bytes = 0;
    for (LoadResult.Loaded l : loaded) {
      Artifact a = l.artifact();
      Fork fork = Fork.byName(a.key().fork()).orElse(null);
      if (fork == null) {
        continue; // a fork this build does not know: not asked for, so not reachable
      }
      if (bytes + a.classBytes().length > budget) {
        break;
      }
      bytes += a.classBytes().length;
      DeferredProgram p = new DeferredProgram(a, fork);
      programs.add(new PreloadedProgram(a.key().codeHash(), fork,
          new Compilation.Compiled(p, a.classBytes().length, a.className(), a.classBytes())));
      deferred.add(p);
    }
    int installed = rt.preload(programs);
    List<DeferredProgram> result = deferred.subList(0, installed);
    counters.preloaded.add(installed);
    counters.preloadBytes.add(programs.subList(0, installed).stream().mapToLong(p -> p.program().classBytes()).sum());
    counters.preloadMillis = (System.nanoTime() - start) / 1_000_000;
    return List.copyOf(result);
  }

  private List<LoadResult.Loaded> read(List<Fork> forks, long budget) {
    List<LoadResult.Loaded> loaded = new ArrayList<>();
    for (Fork fork : forks) {
      try {
        store.loadAll(fork.fixtureName(), fingerprint, budget, r -> {
          switch (r) {
            case LoadResult.Loaded l -> loaded.add(l);
            case LoadResult.Rejected x -> counters.rejected(x.reason());
          }
        });
      } catch (RuntimeException e) {
        counters.readFailures.increment();
        warnings.accept("evmjit: artifact store " + store.directory() + ": cannot preload " + fork.fixtureName()
            + ": " + e + "; its code is compiled as it turns hot");
      }
    }
    return loaded;
  }
}
