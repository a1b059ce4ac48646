package org.evmjit.evm.precompile.bls12381;

import java.util.ArrayList;
import java.util.List;
import org.evmjit.evm.precompile.Precompile;

/**
 * 0x0f BLS12_PAIRING_CHECK (EIP-2537): k >= 1 pairs of a 128-byte G1 and a 256-byte G2
 * encoding; out the 32-byte word 1 when the product of the pairings is 1, else 0. Every point
 * must be on its curve and in its order-r subgroup. 32600 k + 37700 gas.
 */
public final class PairingCheck implements Precompile {
  static final long BASE_GAS = 37_700;
  static final long PAIR_GAS = 32_600;
  private static final int PAIR_LENGTH = G1Point.ENCODED_LENGTH + G2Point.ENCODED_LENGTH;

  @Override
  public long gasCost(byte[] input) {
    return PAIR_GAS * (input.length / PAIR_LENGTH) + BASE_GAS;
  }

  @Override
  public byte[] execute(byte[] input) {
    if (input.length == 0 || input.length % PAIR_LENGTH != 0) {
      return null;
    }
    int k = input.length / PAIR_LENGTH;
    List<G1Point> ps = new ArrayList<>(k);
    List<G2Point> qs = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      int offset = i * PAIR_LENGTH;
      G1Point p = G1Point.decode(input, offset);
      G2Point q = G2Point.decode(input, offset + G1Point.ENCODED_LENGTH);
      if (p == null || q == null || !p.isInSubgroup() || !q.isInSubgroup()) {
        return null;
      }
      ps.add(p);
      qs.add(q);
    }
    byte[] out = new byte[32];
    if (Pairing.isProductOne(ps, qs)) {
      out[31] = 1;
    }
    return out;
  }
}
