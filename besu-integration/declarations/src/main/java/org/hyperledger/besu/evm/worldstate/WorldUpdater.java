package org.hyperledger.besu.evm.worldstate;

import org.evmjit.besu.declarations.Absent;
import org.hyperledger.besu.datatypes.Address;
import org.hyperledger.besu.evm.account.Account;
import org.hyperledger.besu.evm.account.MutableAccount;

/** In Besu, {@code get} is inherited from {@code WorldView}. */
public interface WorldUpdater {
  Account get(Address address);

  MutableAccount getAccount(Address address);

  default MutableAccount getOrCreate(Address address) {
    throw Absent.absent();
  }
}
