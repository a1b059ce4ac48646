package org.evmjit.statetest.aot;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.evmjit.evm.fork.Fork;
import org.evmjit.plugin.compiler.CompileResult;
import org.evmjit.plugin.compiler.EvmCompiler;
import org.evmjit.store.Artifact;
import org.evmjit.store.ArtifactKey;
import org.evmjit.store.ArtifactStore;

/**
 * Compiles code ahead of time into an artifact store: for each distinct code and fork, skipped
 * when the store already has it under this fingerprint, when the code is empty, or when the
 * compiler leaves it to the interpreter (with the compiler's reason); otherwise compiled on
 * {@code workers} threads and written in batches of {@value #BATCH} (one transaction each). A
 * compile that throws, or a batch the store cannot write, is a failure; the run goes on.
 */
public final class AotCompiler {
  static final int BATCH = 64;
  /** Compiles started ahead of the results taken, per worker: bounds the class bytes held. */
  private static final int IN_FLIGHT_PER_WORKER = 8;

  private final ArtifactStore store;
  private final String fingerprint;
  private final EvmCompiler compiler = new EvmCompiler();
  private final int workers;

  public AotCompiler(ArtifactStore store, String fingerprint, int workers) {
    this.store = store;
    this.fingerprint = fingerprint;
    this.workers = workers;
  }

  /** What one compile gave: an artifact, or the reason there is none, or a failure. */
  private record Outcome(Artifact artifact, String skipped, String failure) {}

  /**
   * Compiles {@code codes} for each of {@code forks} into the store, counting in {@code tally};
   * {@code failures} gets one message per failure and {@code progress} the contracts done, both
   * on the calling thread.
   */
  public void run(List<ContractCode> codes, List<Fork> forks, AotTally tally, Consumer<String> failures,
      LongConsumer progress) throws InterruptedException {
    Set<ArtifactKey> stored = storedKeys();
    ExecutorService pool = Executors.newFixedThreadPool(workers,
        Thread.ofPlatform().daemon().name("evmjit-aot-compile-", 1).factory());
    CompletionService<Outcome> done = new ExecutorCompletionService<>(pool);
    List<Artifact> batch = new ArrayList<>(BATCH);
    int inFlight = 0;
    try {
      for (ContractCode code : codes) {
        for (Fork fork : forks) {
          ArtifactKey key = new ArtifactKey(code.hash(), fork.fixtureName(), fingerprint);
          if (code.code().length == 0) {
            tally.addSkipped(AotTally.EMPTY_CODE);
          } else if (stored.contains(key)) {
            tally.addSkipped(AotTally.ALREADY_STORED);
          } else {
            done.submit(() -> compile(code, fork, key));
            if (++inFlight >= workers * IN_FLIGHT_PER_WORKER) {
              take(done, batch, tally, failures);
              inFlight--;
            }
          }
          progress.accept(tally.done() + batch.size());
        }
      }
      for (; inFlight > 0; inFlight--) {
        take(done, batch, tally, failures);
        progress.accept(tally.done() + batch.size());
      }
      flush(batch, tally, failures);
    } finally {
      pool.shutdownNow();
    }
  }

  private Set<ArtifactKey> storedKeys() {
    Set<ArtifactKey> keys = new HashSet<>();
    for (ArtifactStore.RecordInfo r : store.list()) {
      if (r.key().fingerprint().equals(fingerprint)) {
        keys.add(r.key());
      }
    }
    return keys;
  }

  private Outcome compile(ContractCode code, Fork fork, ArtifactKey key) {
    try {
      CompileResult r = compiler.compile(code.code(), fork);
      return switch (r) {
        case CompileResult.Compiled c -> new Outcome(
            new Artifact(key, code.code().length, System.currentTimeMillis(), c.className(), c.classBytes()), null, null);
        case CompileResult.Interpret i -> new Outcome(null, "interpreted: " + i.reason().text(), null);
      };
    } catch (RuntimeException | StackOverflowError e) {
      return new Outcome(null, null, "0x" + code.hashHex() + " (" + fork.fixtureName() + ", from " + code.origin()
          + "): the compiler failed: " + e);
    }
  }

  private void take(CompletionService<Outcome> done, List<Artifact> batch, AotTally tally, Consumer<String> failures)
      throws InterruptedException {
    Outcome o;
    try {
      o = done.take().get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("a compile task failed outside the compiler: " + e.getCause(), e.getCause());
    }
    if (o.artifact() != null) {
      batch.add(o.artifact());
      if (batch.size() >= BATCH) {
        flush(batch, tally, failures);
      }
    } else if (o.skipped() != null) {
      tally.addSkipped(o.skipped());
    } else {
      tally.addFailed();
      failures.accept(o.failure());
    }
  }

  private void flush(List<Artifact> batch, AotTally tally, Consumer<String> failures) {
    if (batch.isEmpty()) {
      return;
    }
    try {
      store.putAll(batch);
      for (Artifact a : batch) {
        tally.addCompiled(a.classBytes().length);
      }
    } catch (RuntimeException e) {
      tally.addFailed(batch.size());
      failures.accept("cannot write " + batch.size() + " artifacts to " + store.directory() + ": " + e);
    }
    batch.clear();
  }
}
