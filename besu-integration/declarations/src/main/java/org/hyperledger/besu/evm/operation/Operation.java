package org.hyperledger.besu.evm.operation;

public interface Operation {}
