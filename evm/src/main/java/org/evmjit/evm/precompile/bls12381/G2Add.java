package org.evmjit.evm.precompile.bls12381;

import org.evmjit.evm.precompile.Precompile;

/**
 * 0x0d BLS12_G2ADD (EIP-2537): two 256-byte G2 encodings in, their sum out. Both points must
 * be on the twist (or the infinity encoding); there is no subgroup check. 600 gas.
 */
public final class G2Add implements Precompile {
  static final long GAS = 600;

  @Override
  public long gasCost(byte[] input) {
    return GAS;
  }

  @Override
  public byte[] execute(byte[] input) {
    if (input.length != 2 * G2Point.ENCODED_LENGTH) {
      return null;
    }
    G2Point a = G2Point.decode(input, 0);
    G2Point b = G2Point.decode(input, G2Point.ENCODED_LENGTH);
    if (a == null || b == null) {
      return null;
    }
    return a.add(b).encode();
  }
}
