package org.evmjit.plugin.runtime;

import java.util.List;
import org.evmjit.evm.fork.Fork;

/**
 * Receives the calls the coordinator observed per code hash and fork, to keep them for the next
 * start (an artifact store's hotness). Called on the coordinator's thread under its lock: it
 * must hand the batch over and return, never wait.
 */
interface HotnessSink {
  /** Calls observed for one code under one fork since the last batch (a lower bound, see {@link Coordinator}). */
  record Calls(byte[] codeHash, Fork fork, long calls) {}

  void record(List<Calls> batch);
}
