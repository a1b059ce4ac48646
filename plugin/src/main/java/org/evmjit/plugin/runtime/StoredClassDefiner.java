package org.evmjit.plugin.runtime;

import org.evmjit.evm.exec.ExecutionEngine;
import org.evmjit.evm.fork.Fork;
import org.evmjit.store.Artifact;
import org.evmjit.store.ArtifactStore;
import org.evmjit.store.RejectReason;

/**
 * Turns a stored class into an engine with the compiler's {@link ArtifactFormat}. The store has
 * checked the record; the JVM checks the class (a hidden class is verified when defined). A class
 * the JVM refuses is reported to the store as {@link RejectReason#CLASS_DEFINE} (which takes it
 * out) and counted, and the caller goes on without it: the code is compiled again or interpreted.
 */
final class StoredClassDefiner {
  private final ArtifactStore store;
  private final ArtifactFormat format;
  private final StoreCounters counters;

  StoredClassDefiner(ArtifactStore store, ArtifactFormat format, StoreCounters counters) {
    this.store = store;
    this.format = format;
    this.counters = counters;
  }

  /** The engine, or null when the JVM refused the class (then rejected in the store). */
  ExecutionEngine define(Artifact artifact, Fork fork) {
    try {
      return format.define(artifact.classBytes(), fork);
    } catch (LinkageError | RuntimeException e) {
      counters.rejected(RejectReason.CLASS_DEFINE);
      try {
        store.reject(artifact.key(), RejectReason.CLASS_DEFINE, String.valueOf(e));
      } catch (RuntimeException storeFailure) {
        counters.readFailures.increment(); // the record stays; the next load tries (and refuses) it again
      }
      return null;
    }
  }
}
