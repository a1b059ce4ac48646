package org.hyperledger.besu.ethereum.mainnet;

import org.evmjit.besu.declarations.Absent;

public class ProtocolSpec {
  private ProtocolSpec() {
    throw Absent.absent();
  }

  public MainnetTransactionProcessor getTransactionProcessor() {
    throw Absent.absent();
  }
}
