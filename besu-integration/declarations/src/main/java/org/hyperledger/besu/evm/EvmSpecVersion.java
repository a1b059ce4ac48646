package org.hyperledger.besu.evm;

public enum EvmSpecVersion {
  ;
}
