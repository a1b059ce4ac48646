package org.hyperledger.besu.services;

import org.hyperledger.besu.ethereum.mainnet.ProtocolSchedule;
import org.hyperledger.besu.plugin.services.BlockchainService;

/** Stands in for Besu's class of the same name: the plugin reads its private protocolSchedule field. */
public final class BlockchainServiceImpl implements BlockchainService {
  @SuppressWarnings("unused")
  private ProtocolSchedule protocolSchedule;

  public BlockchainServiceImpl(ProtocolSchedule schedule) {
    this.protocolSchedule = schedule;
  }
}
