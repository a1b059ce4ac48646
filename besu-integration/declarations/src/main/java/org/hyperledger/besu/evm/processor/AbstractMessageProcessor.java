package org.hyperledger.besu.evm.processor;

import java.util.Set;
import org.evmjit.besu.declarations.Absent;
import org.hyperledger.besu.datatypes.Address;
import org.hyperledger.besu.evm.EVM;

public abstract class AbstractMessageProcessor {
  final EVM evm;

  AbstractMessageProcessor(EVM evm, Set<Address> forceDeleteAccountsWhenEmpty) {
    throw Absent.absent();
  }
}
