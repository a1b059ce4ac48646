package org.evmjit.evm.precompile;

/** Helpers for reading precompile input the way the EVM does: missing bytes read as zero. */
final class Inputs {
  private Inputs() {}

  /** The first {@code length} bytes of {@code input}, right-padded with zeros. */
  static byte[] padded(byte[] input, int length) {
    byte[] out = new byte[length];
    System.arraycopy(input, 0, out, 0, Math.min(length, input.length));
    return out;
  }

  /** {@code length} bytes of {@code input} from {@code offset} (any long), zero beyond its end. */
  static byte[] slice(byte[] input, long offset, int length) {
    byte[] out = new byte[length];
    if (offset < input.length) {
      int start = (int) offset;
      System.arraycopy(input, start, out, 0, Math.min(length, input.length - start));
    }
    return out;
  }

  /** The number of 32-byte words needed to hold {@code length} bytes. */
  static long words(int length) {
    return (length + 31L) / 32;
  }
}
