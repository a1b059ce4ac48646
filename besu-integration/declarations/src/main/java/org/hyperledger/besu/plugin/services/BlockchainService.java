package org.hyperledger.besu.plugin.services;

public interface BlockchainService extends BesuService {}
