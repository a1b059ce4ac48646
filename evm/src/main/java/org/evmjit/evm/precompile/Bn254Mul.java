package org.evmjit.evm.precompile;

import java.math.BigInteger;
import org.evmjit.evm.precompile.bn254.G1Point;

/**
 * 0x07: multiplies a BN254 G1 point by a 256-bit scalar (EIP-196). Input padded to 96 bytes;
 * output 64 bytes.
 */
final class Bn254Mul implements Precompile {
  private final Bn254Gas gas;

  Bn254Mul(Bn254Gas gas) {
    this.gas = gas;
  }

  @Override
  public long gasCost(byte[] input) {
    return gas.mul();
  }

  @Override
  public byte[] execute(byte[] input) {
    byte[] in = Inputs.padded(input, 96);
    G1Point p = G1Point.decode(in, 0);
    if (p == null) {
      return null;
    }
    return p.mul(new BigInteger(1, in, 64, 32)).encode();
  }
}
