package org.hyperledger.besu.evm.internal;

import org.evmjit.besu.declarations.Absent;

/** A record in Besu; only its type is used. */
public final class EvmConfiguration {
  private EvmConfiguration() {
    throw Absent.absent();
  }
}
