package org.evmjit.statetest.trace;

/** Takes trace lines already written as EIP-3155 JSON (by an engine that traces itself, e.g. ethereumjs). */
public interface TraceLines {
  void line(String json);
}
