package org.evmjit.plugin.compiler.codegen;

import java.util.Arrays;

/**
 * A 256-bit stack value the compiler tracks instead of storing it in the stack array: each of
 * its four limbs (least significant first) is either a constant known at compile time or a JVM
 * {@code long} local. Values are immutable once made, so stack slots (after DUP) and results (AND
 * with a mask) may share them or their limbs.
 */
final class Value {
  /** Constant limbs; meaningful where {@link #local} is -1. */
  final long[] constant = new long[4];
  /** Local variable index per limb, or -1 for a constant limb. */
  final int[] local = {-1, -1, -1, -1};

  static Value of(long w0, long w1, long w2, long w3) {
    Value v = new Value();
    v.constant[0] = w0;
    v.constant[1] = w1;
    v.constant[2] = w2;
    v.constant[3] = w3;
    return v;
  }

  static Value of(long[] limbs, int offset) {
    return of(limbs[offset], limbs[offset + 1], limbs[offset + 2], limbs[offset + 3]);
  }

  boolean isConstant(int limb) {
    return local[limb] < 0;
  }

  boolean isConstant() {
    return local[0] < 0 && local[1] < 0 && local[2] < 0 && local[3] < 0;
  }

  /** True when limb {@code limb} is the constant {@code c}. */
  boolean is(int limb, long c) {
    return local[limb] < 0 && constant[limb] == c;
  }

  /** True when limbs 1..3 are constant zero (the value fits in one limb). */
  boolean isSmall() {
    return is(1, 0) && is(2, 0) && is(3, 0);
  }

  /** Copies limb {@code from} of {@code v} into limb {@code to} of this value. */
  void setLimb(int to, Value v, int from) {
    local[to] = v.local[from];
    constant[to] = v.constant[from];
  }

  void setConstant(int limb, long c) {
    local[limb] = -1;
    constant[limb] = c;
  }

  @Override
  public String toString() {
    return Arrays.toString(constant) + Arrays.toString(local);
  }
}
