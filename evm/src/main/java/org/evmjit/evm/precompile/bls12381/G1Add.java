package org.evmjit.evm.precompile.bls12381;

import org.evmjit.evm.precompile.Precompile;

/**
 * 0x0b BLS12_G1ADD (EIP-2537): two 128-byte G1 encodings in, their sum out. Both points must
 * be on the curve (or the infinity encoding); there is no subgroup check. 375 gas.
 */
public final class G1Add implements Precompile {
  static final long GAS = 375;

  @Override
  public long gasCost(byte[] input) {
    return GAS;
  }

  @Override
  public byte[] execute(byte[] input) {
    if (input.length != 2 * G1Point.ENCODED_LENGTH) {
      return null;
    }
    G1Point a = G1Point.decode(input, 0);
    G1Point b = G1Point.decode(input, G1Point.ENCODED_LENGTH);
    if (a == null || b == null) {
      return null;
    }
    return a.add(b).encode();
  }
}
