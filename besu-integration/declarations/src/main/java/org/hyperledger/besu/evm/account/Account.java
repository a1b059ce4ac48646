package org.hyperledger.besu.evm.account;

import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.evmjit.besu.declarations.Absent;
import org.hyperledger.besu.datatypes.Hash;
import org.hyperledger.besu.datatypes.Wei;

/** In Besu these are declared by {@code AccountState}, which {@code Account} extends. */
public interface Account {
  long getNonce();

  Wei getBalance();

  Bytes getCode();

  Hash getCodeHash();

  UInt256 getStorageValue(UInt256 key);

  UInt256 getOriginalStorageValue(UInt256 key);

  default boolean isEmpty() {
    throw Absent.absent();
  }
}
