package org.evmjit.evm.precompile;

import org.evmjit.evm.precompile.bn254.G1Point;

/** 0x06: adds two BN254 G1 points (EIP-196). Input padded to 128 bytes; output 64 bytes. */
final class Bn254Add implements Precompile {
  private final Bn254Gas gas;

  Bn254Add(Bn254Gas gas) {
    this.gas = gas;
  }

  @Override
  public long gasCost(byte[] input) {
    return gas.add();
  }

  @Override
  public byte[] execute(byte[] input) {
    byte[] in = Inputs.padded(input, 128);
    G1Point a = G1Point.decode(in, 0);
    G1Point b = G1Point.decode(in, 64);
    if (a == null || b == null) {
      return null;
    }
    return a.add(b).encode();
  }
}
