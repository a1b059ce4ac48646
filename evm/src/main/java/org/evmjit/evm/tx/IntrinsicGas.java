package org.evmjit.evm.tx;

import org.evmjit.evm.fork.GasSchedule;
import org.evmjit.evm.interpreter.MemoryGas;

/** The gas a transaction costs before any code runs, and the EIP-7623 floor on what it pays. */
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
    gas += g.perEmptyAccountCost * tx.authorizationList().size(); // EIP-7702
    return gas;
  }

  /**
   * EIP-7623: the least gas the transaction is charged, {@code txBase + floorPerToken * tokens}
   * with tokens = zero bytes + 4 per non-zero byte of calldata; 0 before Prague.
   */
  public static long floor(Transaction tx, GasSchedule g) {
    if (g.txFloorPerToken == 0) {
      return 0;
    }
    long tokens = 0;
    for (byte b : tx.data()) {
      tokens += b == 0 ? 1 : g.txTokensPerNonZeroByte;
    }
    return g.txBase + g.txFloorPerToken * tokens;
  }
}
