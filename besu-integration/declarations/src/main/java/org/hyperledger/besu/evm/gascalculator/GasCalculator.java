package org.hyperledger.besu.evm.gascalculator;

import org.evmjit.besu.declarations.Absent;
import org.hyperledger.besu.datatypes.Address;

public interface GasCalculator {
  default boolean isPrecompile(Address address) {
    throw Absent.absent();
  }
}
