package org.evmjit.evm.precompile.bls12381;

import org.evmjit.evm.precompile.Precompile;

/**
 * 0x10 BLS12_MAP_FP_TO_G1 (EIP-2537): one 64-byte field element in, the 128-byte G1 point of
 * {@link MapToG1#map} out. 5500 gas.
 */
public final class MapFpToG1 implements Precompile {
  static final long GAS = 5_500;

  @Override
  public long gasCost(byte[] input) {
    return GAS;
  }

  @Override
  public byte[] execute(byte[] input) {
    if (input.length != 64) {
      return null;
    }
    Fp u = Fp.fromBytes(input, 0);
    return u == null ? null : MapToG1.map(u).encode();
  }
}
