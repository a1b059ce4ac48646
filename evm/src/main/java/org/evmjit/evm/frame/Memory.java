package org.evmjit.evm.frame;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A frame's byte-addressed memory. Its active size is a multiple of 32 bytes and only grows;
 * gas for growth is charged by the caller before {@link #expandTo} (see {@code MemoryGas}).
 *
 * <p>A memory may start on a zeroed buffer an ended frame used ({@link #reuse}), so that a
 * transaction that grows its memory to megabytes (snailtracer: 7.8 MB in 210,000 steps) does not
 * allocate and zero a doubling series of fresh arrays every time. As with a new array, every byte
 * above the active size is zero: writes stay below it, and growth copies only the active bytes.
 */
public final class Memory {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  private static final byte[] NONE = new byte[0];

  private byte[] data = NONE;
  private int size;

  /** Starts this unused memory on {@code zeroed}, a buffer whose every byte is 0. */
  public void reuse(byte[] zeroed) {
    if (size != 0 || data != NONE) {
      throw new IllegalStateException("memory already in use");
    }
    data = zeroed;
  }

  /**
   * Hands over the buffer of a frame that has ended, its bytes from {@link #size()} on zero (read
   * the size first); this memory is empty afterwards.
   */
  public byte[] release() {
    byte[] d = data;
    data = NONE;
    size = 0;
    return d;
  }

  /** Active size in bytes. */
  public int size() {
    return size;
  }

  /** Active size in 32-byte words. */
  public long words() {
    return size >>> 5;
  }

  /** Grows the active size to cover byte {@code end - 1} (rounded up to a word). */
  public void expandTo(long end) {
    if (end <= size) {
      return;
    }
    int newSize = (int) ((end + 31) & ~31L);
    if (newSize > data.length) {
      int capacity = (int) Math.max(newSize, Math.min(Integer.MAX_VALUE - 64, data.length * 2L));
      byte[] grown = new byte[capacity];
      System.arraycopy(data, 0, grown, 0, size);
      data = grown;
    }
    size = newSize;
  }

  /** Reads the 32-byte word at {@code offset} into limbs {@code s[o..o+3]} (already expanded). */
  public void loadWord(int offset, long[] s, int o) {
    byte[] d = data;
    s[o + 3] = (long) LONGS.get(d, offset);
    s[o + 2] = (long) LONGS.get(d, offset + 8);
    s[o + 1] = (long) LONGS.get(d, offset + 16);
    s[o] = (long) LONGS.get(d, offset + 24);
  }

  /** Writes limbs {@code s[o..o+3]} as 32 big-endian bytes at {@code offset} (already expanded). */
  public void storeWord(int offset, long[] s, int o) {
    byte[] d = data;
    LONGS.set(d, offset, s[o + 3]);
    LONGS.set(d, offset + 8, s[o + 2]);
    LONGS.set(d, offset + 16, s[o + 1]);
    LONGS.set(d, offset + 24, s[o]);
  }

  public void storeByte(int offset, byte b) {
    data[offset] = b;
  }

  /** A copy of {@code length} bytes at {@code offset} (already expanded). */
  public byte[] read(int offset, int length) {
    return length == 0 ? NONE : Arrays.copyOfRange(data, offset, offset + length);
  }

  /**
   * Copies {@code length} bytes of {@code src} starting at {@code srcOffset} to memory at
   * {@code offset}; bytes past the end of {@code src} are written as zeros (the rule of
   * CALLDATACOPY, CODECOPY, EXTCODECOPY). {@code srcOffset} may be huge.
   */
  public void copyFrom(byte[] src, long srcOffset, int offset, int length) {
    if (length == 0) {
      return;
    }
    int available = srcOffset >= src.length ? 0 : (int) Math.min(length, src.length - srcOffset);
    if (available > 0) {
      System.arraycopy(src, (int) srcOffset, data, offset, available);
    }
    Arrays.fill(data, offset + available, offset + length, (byte) 0);
  }

  /** MCOPY: copies within memory, with overlapping ranges handled (already expanded). */
  public void move(int from, int to, int length) {
    System.arraycopy(data, from, data, to, length);
  }

  /** Direct access for hashing without a copy; valid until the next expansion. */
  public byte[] array() {
    return data;
  }
}
