package org.hyperledger.besu.evm.tracing;

import org.evmjit.besu.declarations.Absent;

public interface OperationTracer {
  default boolean isEnabled() {
    throw Absent.absent();
  }
}
