package org.evmjit.evm.precompile;

import org.bouncycastle.crypto.digests.SHA256Digest;

/** 0x02: SHA-256 of the input. */
final class Sha256 implements Precompile {
  @Override
  public long gasCost(byte[] input) {
    return LinearGas.SHA256.cost(input);
  }

  @Override
  public byte[] execute(byte[] input) {
    return hash(input);
  }

  static byte[] hash(byte[] input) {
    SHA256Digest digest = new SHA256Digest();
    digest.update(input, 0, input.length);
    byte[] out = new byte[32];
    digest.doFinal(out, 0);
    return out;
  }
}
