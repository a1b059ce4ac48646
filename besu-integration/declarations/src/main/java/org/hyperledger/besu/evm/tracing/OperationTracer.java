package org.hyperledger.besu.evm.tracing;

import org.evmjit.besu.declarations.Absent;

public interface OperationTracer {
  OperationTracer NO_TRACING = Absent.value();
}
