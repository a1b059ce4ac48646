package org.hyperledger.besu.ethereum.mainnet;

import org.evmjit.besu.declarations.Absent;
import org.hyperledger.besu.evm.frame.MessageFrame;
import org.hyperledger.besu.evm.processor.AbstractMessageProcessor;

public class MainnetTransactionProcessor {
  private MainnetTransactionProcessor() {
    throw Absent.absent();
  }

  public AbstractMessageProcessor getMessageProcessor(MessageFrame.Type type) {
    throw Absent.absent();
  }
}
