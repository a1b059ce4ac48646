package org.evmjit.evm.precompile;

import org.bouncycastle.crypto.digests.RIPEMD160Digest;

/** 0x03: RIPEMD-160 of the input, left-padded to 32 bytes. */
final class Ripemd160 implements Precompile {
  @Override
  public long gasCost(byte[] input) {
    return LinearGas.RIPEMD160.cost(input);
  }

  @Override
  public byte[] execute(byte[] input) {
    RIPEMD160Digest digest = new RIPEMD160Digest();
    digest.update(input, 0, input.length);
    byte[] out = new byte[32];
    digest.doFinal(out, 12);
    return out;
  }
}
