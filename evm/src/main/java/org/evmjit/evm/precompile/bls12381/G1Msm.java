package org.evmjit.evm.precompile.bls12381;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.evmjit.evm.precompile.Precompile;

/**
 * 0x0c BLS12_G1MSM (EIP-2537): k >= 1 pairs of a 128-byte G1 encoding and a 32-byte big-endian
 * scalar (any value, not reduced); out the 128-byte sum of [scalar]point. Every point must be
 * on the curve and in G1. Priced by {@link MsmGas#G1}.
 */
public final class G1Msm implements Precompile {
  private static final int PAIR_LENGTH = G1Point.ENCODED_LENGTH + Scalars.LENGTH;

  @Override
  public long gasCost(byte[] input) {
    return MsmGas.G1.cost(input.length);
  }

  @Override
  public byte[] execute(byte[] input) {
    if (input.length == 0 || input.length % PAIR_LENGTH != 0) {
      return null;
    }
    int k = input.length / PAIR_LENGTH;
    List<G1Point> points = new ArrayList<>(k);
    List<BigInteger> scalars = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      int offset = i * PAIR_LENGTH;
      G1Point p = G1Point.decode(input, offset);
      if (p == null || !p.isInSubgroup()) {
        return null;
      }
      points.add(p);
      scalars.add(Scalars.read(input, offset + G1Point.ENCODED_LENGTH));
    }
    return G1Point.sumOfProducts(points, scalars).encode();
  }
}
