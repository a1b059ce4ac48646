package org.evmjit.evm.precompile.bls12381;

import java.math.BigInteger;
import java.util.Arrays;

/** The EIP-2537 scalar encoding: 32 big-endian bytes, any value (not reduced modulo r). */
final class Scalars {
  static final int LENGTH = 32;

  private Scalars() {}

  static BigInteger read(byte[] in, int offset) {
    return new BigInteger(1, Arrays.copyOfRange(in, offset, offset + LENGTH));
  }
}
