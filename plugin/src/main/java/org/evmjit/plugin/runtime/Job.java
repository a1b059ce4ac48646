package org.evmjit.plugin.runtime;

import org.evmjit.evm.frame.Code;

/** One compile request: the entry it fills in and the code to compile. */
final class Job {
  final Entry entry;
  final Code code;
  final long dispatchedAt;
  /** Set by the worker that runs it (nanos from the runtime's clock; 0 while queued). */
  volatile long startedAt;
  volatile Thread worker;
  /** Set under the coordinator's lock: the result, whenever it comes, is dropped. */
  boolean abandoned;

  Job(Entry entry, Code code, long dispatchedAt) {
    this.entry = entry;
    this.code = code;
    this.dispatchedAt = dispatchedAt;
  }
}
