package org.evmjit.evm.tx;

import org.evmjit.evm.fork.GasSchedule;
import org.evmjit.evm.interpreter.MemoryGas;

/** The gas a transaction costs before any code runs. */
public final class IntrinsicGas {
  private IntrinsicGas() {}

  public static long of(Transaction tx, GasSchedule g) {
    long gas = g.txBase;
    for (byte b : tx.data()) {
      gas += b == 0 ? g.txDataZero : g.txDataNonZero;
    }
    if (tx.isCreate()) {
      gas += g.txCreate + g.initcodePerWord * MemoryGas.words(tx.data().length);
    }
    for (AccessListEntry e : tx.accessList()) {
      gas += g.txAccessListAddress + g.txAccessListStorageKey * e.storageKeys().size();
    }
    return gas;
  }
}
