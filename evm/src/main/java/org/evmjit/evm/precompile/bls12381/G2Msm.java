package org.evmjit.evm.precompile.bls12381;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.evmjit.evm.precompile.Precompile;

/**
 * 0x0e BLS12_G2MSM (EIP-2537): k >= 1 pairs of a 256-byte G2 encoding and a 32-byte big-endian
 * scalar (any value, not reduced); out the 256-byte sum of [scalar]point. Every point must be
 * on the twist and in G2. Priced by {@link MsmGas#G2}.
 */
public final class G2Msm implements Precompile {
  private static final int PAIR_LENGTH = G2Point.ENCODED_LENGTH + Scalars.LENGTH;

  @Override
  public long gasCost(byte[] input) {
    return MsmGas.G2.cost(input.length);
  }

  @Override
  public byte[] execute(byte[] input) {
    if (input.length == 0 || input.length % PAIR_LENGTH != 0) {
      return null;
    }
    int k = input.length / PAIR_LENGTH;
    List<G2Point> points = new ArrayList<>(k);
    List<BigInteger> scalars = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      int offset = i * PAIR_LENGTH;
      G2Point p = G2Point.decode(input, offset);
      if (p == null || !p.isInSubgroup()) {
        return null;
      }
      points.add(p);
      scalars.add(Scalars.read(input, offset + G2Point.ENCODED_LENGTH));
    }
    return G2Point.sumOfProducts(points, scalars).encode();
  }
}
