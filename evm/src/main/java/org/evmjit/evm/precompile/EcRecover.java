package org.evmjit.evm.precompile;

import java.math.BigInteger;
import org.evmjit.evm.crypto.Secp256k1;
import org.evmjit.evm.word.Address;

/**
 * 0x01: recovers the signer address of a secp256k1 signature. Input (padded to 128 bytes):
 * hash, v, r, s. v must be 27 or 28 (as a full 32-byte word) and 1 <= r, s < n; there is no
 * low-s rule here. An invalid signature is a success with empty output.
 */
final class EcRecover implements Precompile {
  private static final byte[] EMPTY = new byte[0];

  @Override
  public long gasCost(byte[] input) {
    return LinearGas.ECRECOVER.cost(input);
  }

  @Override
  public byte[] execute(byte[] input) {
    byte[] in = Inputs.padded(input, 128);
    for (int i = 32; i < 63; i++) {
      if (in[i] != 0) {
        return EMPTY;
      }
    }
    int v = in[63] & 0xFF;
    if (v != 27 && v != 28) {
      return EMPTY;
    }
    BigInteger r = new BigInteger(1, in, 64, 32);
    BigInteger s = new BigInteger(1, in, 96, 32);
    if (!Secp256k1.inRange(r) || !Secp256k1.inRange(s)) {
      return EMPTY;
    }
    byte[] hash = new byte[32];
    System.arraycopy(in, 0, hash, 0, 32);
    Address signer = Secp256k1.recoverAddress(hash, r, s, v - 27);
    if (signer == null) {
      return EMPTY;
    }
    byte[] out = new byte[32];
    System.arraycopy(signer.toBytes(), 0, out, 12, 20);
    return out;
  }
}
