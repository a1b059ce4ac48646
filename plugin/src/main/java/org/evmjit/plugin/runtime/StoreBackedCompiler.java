package org.evmjit.plugin.runtime;

import java.util.function.LongSupplier;
import org.evmjit.evm.exec.ExecutionEngine;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.frame.Code;
import org.evmjit.store.Artifact;
import org.evmjit.store.ArtifactKey;
import org.evmjit.store.ArtifactStore;
import org.evmjit.store.LoadResult;

/**
 * A {@link ProgramCompiler} in front of an artifact store: code that turns hot is first looked up
 * in the store (it may have been left out of the preload by the memory budget, or stored by
 * another process since) and defined from there instead of being compiled again; otherwise the
 * compiler runs and its class file is queued for writing. Runs on the workers, like any compiler.
 */
final class StoreBackedCompiler implements ProgramCompiler {
  private final ProgramCompiler compiler;
  private final ArtifactStore store;
  private final String fingerprint;
  private final StoredClassDefiner definer;
  private final ArtifactPersister persister;
  private final StoreCounters counters;
  private final LongSupplier wallClockMillis;

  StoreBackedCompiler(ProgramCompiler compiler, ArtifactStore store, String fingerprint, StoredClassDefiner definer,
      ArtifactPersister persister, StoreCounters counters, LongSupplier wallClockMillis) {
    this.compiler = compiler;
    this.store = store;
    this.fingerprint = fingerprint;
    this.definer = definer;
    this.persister = persister;
    this.counters = counters;
    this.wallClockMillis = wallClockMillis;
  }

  @Override
  public Compilation compile(Code code, Fork fork) {
    if (code.size() == 0) {
      return compiler.compile(code, fork); // nothing is stored for empty code
    }
    ArtifactKey key = new ArtifactKey(code.hash(), fork.fixtureName(), fingerprint);
    Compilation stored = fromStore(key, fork);
    if (stored != null) {
      return stored;
    }
    Compilation result = compiler.compile(code, fork);
    if (result instanceof Compilation.Compiled c && c.storable()) {
      persister.offer(new Artifact(key, code.size(), wallClockMillis.getAsLong(), c.className(), c.classFile()));
    }
    return result;
  }

  /** The stored program, or null when there is none usable. */
  private Compilation fromStore(ArtifactKey key, Fork fork) {
    LoadResult r;
    try {
      r = store.get(key);
    } catch (RuntimeException e) {
      counters.readFailures.increment();
      return null;
    }
    if (r instanceof LoadResult.Rejected rejected) {
      counters.rejected(rejected.reason());
      return null;
    }
    if (!(r instanceof LoadResult.Loaded loaded)) {
      return null;
    }
    Artifact a = loaded.artifact();
    ExecutionEngine engine = definer.define(a, fork);
    if (engine == null) {
      return null;
    }
    counters.loadedFromStore.increment();
    return new Compilation.Compiled(engine, a.classBytes().length, a.className(), a.classBytes());
  }
}
