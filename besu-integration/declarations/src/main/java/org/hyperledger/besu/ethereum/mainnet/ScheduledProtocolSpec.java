package org.hyperledger.besu.ethereum.mainnet;

public interface ScheduledProtocolSpec {
  ProtocolSpec spec();
}
