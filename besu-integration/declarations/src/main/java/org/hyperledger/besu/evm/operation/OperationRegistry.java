package org.hyperledger.besu.evm.operation;

import org.evmjit.besu.declarations.Absent;

public class OperationRegistry {
  public OperationRegistry() {
    throw Absent.absent();
  }
}
