package org.evmjit.evm.precompile.bls12381;

import org.evmjit.evm.precompile.Precompile;

/**
 * 0x11 BLS12_MAP_FP2_TO_G2 (EIP-2537): one 128-byte F_p^2 element in, the 256-byte G2 point of
 * {@link MapToG2#map} out. 23800 gas.
 */
public final class MapFp2ToG2 implements Precompile {
  static final long GAS = 23_800;

  @Override
  public long gasCost(byte[] input) {
    return GAS;
  }

  @Override
  public byte[] execute(byte[] input) {
    if (input.length != 128) {
      return null;
    }
    Fp2 u = Fp2.fromBytes(input, 0);
    return u == null ? null : MapToG2.map(u).encode();
  }
}
