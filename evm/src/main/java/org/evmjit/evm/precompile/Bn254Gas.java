package org.evmjit.evm.precompile;

import org.evmjit.evm.fork.Fork;

/** Prices of the BN254 precompiles 0x06-0x08, which EIP-1108 cut in Istanbul. */
record Bn254Gas(long add, long mul, long pairingBase, long pairingPerPair) {
  /** EIP-196 / EIP-197. */
  static final Bn254Gas BYZANTIUM = new Bn254Gas(500, 40_000, 100_000, 80_000);
  /** EIP-1108. */
  static final Bn254Gas ISTANBUL = new Bn254Gas(150, 6_000, 45_000, 34_000);

  static Bn254Gas of(Fork fork) {
    return fork.isAtLeast(Fork.ISTANBUL) ? ISTANBUL : BYZANTIUM;
  }
}
