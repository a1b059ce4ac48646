package org.evmjit.evm.interpreter;

import org.evmjit.evm.frame.Frame;
import org.evmjit.evm.frame.Memory;

/**
 * Memory operands and memory-expansion gas. Offsets and lengths are stack words; any that does
 * not fit below {@link #MAX_MEMORY} costs more gas than any transaction can have, so it becomes
 * {@link #TOO_BIG} and expansion fails as out of gas (a zero length never expands, whatever
 * its offset).
 */
public final class MemoryGas {
  /** The largest memory a frame may have; the gas for it (about 2^43) exceeds any real limit. */
  public static final long MAX_MEMORY = Integer.MAX_VALUE - 31;
  /** Stands for an operand too large to address memory. */
  public static final long TOO_BIG = Long.MAX_VALUE;
  static final long OUT_OF_GAS = -1;

  private MemoryGas() {}

  /** The stack word at limb offset {@code o} as a memory offset or length ({@link #TOO_BIG} when over {@link #MAX_MEMORY}). */
  public static long operand(long[] s, int o) {
    long v = s[o];
    if ((s[o + 1] | s[o + 2] | s[o + 3]) != 0 || v < 0 || v > MAX_MEMORY) {
      return TOO_BIG;
    }
    return v;
  }

  /** Memory cost of {@code words} words: 3 per word plus words squared over 512. */
  public static long cost(long words) {
    return words * 3 + (words * words >>> 9);
  }

  /** Words needed to hold {@code bytes} (for per-word copy and hash costs). */
  public static long words(long bytes) {
    return (bytes + 31) >>> 5;
  }

  /**
   * Charges for and performs the expansion that touching {@code [offset, offset+length)} needs.
   *
   * @return gas left, or a negative value when there is not enough
   */
  public static long expand(Frame f, long gas, long offset, long length) {
    if (length == 0) {
      return gas;
    }
    if (offset > MAX_MEMORY || length > MAX_MEMORY || offset + length > MAX_MEMORY) {
      return OUT_OF_GAS;
    }
    long end = offset + length;
    Memory m = f.memory;
    if (end > m.size()) {
      long charge = cost(words(end)) - cost(m.words());
      gas -= charge;
      if (gas < 0) {
        return OUT_OF_GAS;
      }
      m.expandTo(end);
    }
    return gas;
  }
}
