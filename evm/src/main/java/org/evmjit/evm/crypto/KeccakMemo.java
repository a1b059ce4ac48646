package org.evmjit.evm.crypto;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * The last few 64-byte inputs a frame hashed, with their hashes, so hashing one of them again
 * costs a comparison instead of a Keccak permutation. 64 bytes is a Solidity mapping key (the key
 * word, then the mapping's slot), and a contract hashes the same one several times in a row: a
 * balance is checked, read and written, each access hashing its key anew.
 *
 * <p>Exact: an entry answers only an input equal to the one it was computed from, byte for byte,
 * and holds Keccak's hash of it. Entries are replaced in turn. One frame owns a memo (not thread
 * safe).
 */
public final class KeccakMemo {
  /** The input length remembered: two words. */
  public static final int INPUT_BYTES = 64;
  static final int ENTRIES = 4;
  private static final int LANES = INPUT_BYTES / 8;

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());

  private final long[] inputs = new long[ENTRIES * LANES];
  private final long[] hashes = new long[ENTRIES * 4];
  private int used;
  private int next;

  /**
   * Writes keccak256 of {@code data[offset .. offset + 64)} at {@code s[o .. o + 3]}, as
   * {@link Keccak#hash(byte[], int, int, long[], int)} does, from a remembered entry when there is one.
   *
   * @throws IndexOutOfBoundsException when the range is not inside {@code data}
   */
  public void hash64(byte[] data, int offset, long[] s, int o) {
    Objects.checkFromIndexSize(offset, INPUT_BYTES, data.length);
    for (int e = 0; e < used; e++) {
      if (matches(e, data, offset)) {
        System.arraycopy(hashes, e * 4, s, o, 4);
        return;
      }
    }
    Keccak.hash(data, offset, INPUT_BYTES, s, o);
    int e = next;
    next = (next + 1) % ENTRIES;
    used = Math.max(used, e + 1);
    for (int i = 0; i < LANES; i++) {
      inputs[e * LANES + i] = (long) LONGS.get(data, offset + 8 * i);
    }
    System.arraycopy(s, o, hashes, e * 4, 4);
  }

  private boolean matches(int e, byte[] data, int offset) {
    int base = e * LANES;
    for (int i = 0; i < LANES; i++) {
      if (inputs[base + i] != (long) LONGS.get(data, offset + 8 * i)) {
        return false;
      }
    }
    return true;
  }
}
