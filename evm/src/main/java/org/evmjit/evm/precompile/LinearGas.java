package org.evmjit.evm.precompile;

/** Pricing of the form base + perWord * (32-byte words of input, rounded up). */
record LinearGas(long base, long perWord) {
  static final LinearGas ECRECOVER = new LinearGas(3000, 0);
  static final LinearGas SHA256 = new LinearGas(60, 12);
  static final LinearGas RIPEMD160 = new LinearGas(600, 120);
  static final LinearGas IDENTITY = new LinearGas(15, 3);

  long cost(byte[] input) {
    return base + perWord * Inputs.words(input.length);
  }
}
