package org.evmjit.statetest.runner;

import org.evmjit.evm.trace.Tracer;

/**
 * One engine of {@code --engine}: runs a post entry and reports its {@link Outcome}. An engine
 * may throw {@link EntrySkipped} (it cannot run this entry, e.g. past its time limit); any other
 * exception fails the entry. Implementations are thread-safe.
 */
public interface EntryEngine extends AutoCloseable {
  /** The engine's name as {@code --engine} takes it. */
  String name();

  /** Runs {@code entry}; {@code tracer}, when not null, receives the EIP-3155 trace. */
  Outcome run(Entry entry, Tracer tracer) throws Exception;

  /** Releases processes or threads the engine holds. */
  @Override
  default void close() {}

  /** The engine did not run the entry; the entry is reported as skipped with this reason, never as passed. */
  final class EntrySkipped extends Exception {
    public EntrySkipped(String reason) {
      super(reason);
    }
  }
}
