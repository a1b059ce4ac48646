package org.evmjit.evm.frame;

import org.evmjit.evm.crypto.Keccak;

/**
 * Contract code with what is derived from it once: its hash and its valid jump destinations
 * (JUMPDEST bytes that are not PUSH data). Immutable, so accounts and frames share one instance.
 */
public final class Code {
  public static final Code EMPTY = new Code(new byte[0]);

  private final byte[] bytes;
  private volatile byte[] hash;
  private volatile long[] jumpDestBits;

  public Code(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Code whose Keccak hash the caller already has (a client's code object carries it); not checked. */
  public Code(byte[] bytes, byte[] hash) {
    this.bytes = bytes;
    this.hash = hash;
  }

  /** The code bytes; callers must not modify them. */
  public byte[] bytes() {
    return bytes;
  }

  public int size() {
    return bytes.length;
  }

  public byte[] hash() {
    byte[] h = hash;
    if (h == null) {
      h = bytes.length == 0 ? Keccak.EMPTY_HASH : Keccak.hash(bytes);
      hash = h;
    }
    return h;
  }

  /** True when {@code dest} is a JUMPDEST opcode (not inside PUSH data). */
  public boolean isJumpDest(long dest) {
    if (dest < 0 || dest >= bytes.length) {
      return false;
    }
    long[] bits = jumpDestBits;
    if (bits == null) {
      bits = analyzeJumpDests(bytes);
      jumpDestBits = bits;
    }
    int d = (int) dest;
    return (bits[d >>> 6] & (1L << d)) != 0;
  }

  /** One bit per code byte: set where a JUMPDEST instruction starts. */
  static long[] analyzeJumpDests(byte[] code) {
    long[] bits = new long[(code.length + 63) >>> 6];
    for (int pc = 0; pc < code.length; pc++) {
      int op = code[pc] & 0xFF;
      if (op == 0x5b) {
        bits[pc >>> 6] |= 1L << pc;
      } else if (op >= 0x60 && op <= 0x7f) {
        pc += op - 0x5f;
      }
    }
    return bits;
  }
}
