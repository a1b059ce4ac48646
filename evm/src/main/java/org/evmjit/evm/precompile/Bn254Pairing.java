package org.evmjit.evm.precompile;

import java.util.ArrayList;
import java.util.List;
import org.evmjit.evm.precompile.bn254.G1Point;
import org.evmjit.evm.precompile.bn254.G2Point;
import org.evmjit.evm.precompile.bn254.Pairing;

/**
 * 0x08: the BN254 pairing check (EIP-197). Input: k pairs of a G1 point (64 bytes) and a G2
 * point (128 bytes); output the 32-byte word 1 when the product of the pairings is 1, else 0.
 * A length that is not a multiple of 192, or a point off its curve or (G2) outside the order-r
 * subgroup, fails.
 */
final class Bn254Pairing implements Precompile {
  private static final int PAIR_LENGTH = 192;

  private final Bn254Gas gas;

  Bn254Pairing(Bn254Gas gas) {
    this.gas = gas;
  }

  @Override
  public long gasCost(byte[] input) {
    return gas.pairingBase() + gas.pairingPerPair() * (input.length / PAIR_LENGTH);
  }

  @Override
  public byte[] execute(byte[] input) {
    if (input.length % PAIR_LENGTH != 0) {
      return null;
    }
    int pairs = input.length / PAIR_LENGTH;
    List<G1Point> ps = new ArrayList<>(pairs);
    List<G2Point> qs = new ArrayList<>(pairs);
    for (int i = 0; i < pairs; i++) {
      G1Point p = G1Point.decode(input, i * PAIR_LENGTH);
      G2Point q = G2Point.decode(input, i * PAIR_LENGTH + 64);
      if (p == null || q == null) {
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
