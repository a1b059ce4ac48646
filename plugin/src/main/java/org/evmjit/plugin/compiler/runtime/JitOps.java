package org.evmjit.plugin.compiler.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.evmjit.evm.frame.Code;
import org.evmjit.evm.frame.Frame;
import org.evmjit.evm.frame.Memory;
import org.evmjit.evm.interpreter.MemoryGas;
import org.evmjit.evm.word.Uint256;

/**
 * Helpers for generated code that works on 256-bit values held in JVM locals (four {@code long}
 * limbs, least significant first) instead of the stack array. Each is the register form of an
 * array method the interpreter uses ({@code Uint256}, {@code MemoryGas}, {@code Memory},
 * {@code Instructions}) and is tested against it ({@code JitOpsTest}); all are tiny so HotSpot
 * inlines them into the generated methods.
 */
public final class JitOps {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private JitOps() {}

  /** Carry out of {@code x + y (+ carry-in)} given the wrapped sum (as {@code Uint256}'s). */
  public static long carry(long x, long y, long sum) {
    return ((x & y) | ((x | y) & ~sum)) >>> 63;
  }

  /** Borrow out of {@code x - y (- borrow-in)} given the wrapped difference (as {@code Uint256}'s). */
  public static long borrow(long x, long y, long diff) {
    return ((~x & y) | (~(x ^ y) & diff)) >>> 63;
  }

  /**
   * {@link #carry} with the sum first: generated code computes a limb's sum on the operand stack,
   * keeps a copy and calls this with the operands pushed after it.
   *
   * <p>Written so that C1 inlines it into the generated methods (which run C1-compiled for a
   * long time, often for good): C1 refuses a callee whose operand stack plus locals beyond its
   * parameters exceed {@link org.evmjit.plugin.compiler.JvmLimits#C1_INLINE_STACK_LIMIT} slots, so
   * at most two longs are on the stack at once and the parameters are reused as temporaries.
   * The top bit: with carry-in c, sum = x ^ y ^ c and the carry out is the majority of x, y, c;
   * where x = y that is x = (x ^ sum) ^ sum, where x != y it is c = ~sum = 1 ^ sum.
   */
  public static long carryOut(long sum, long x, long y) {
    x ^= sum;
    y ^= sum;
    return ((x | y) ^ sum) >>> 63;
  }

  /**
   * {@link #borrow} with the difference first (as {@link #carryOut}, and inlined by C1 for the
   * same reason). The top bit: with borrow-in b, diff = x ^ y ^ b and the borrow out is b where
   * x = y (= diff), y where x != y (= (y ^ diff) ^ diff).
   */
  public static long borrowOut(long diff, long x, long y) {
    x ^= y;
    y ^= diff;
    return ((x & y) ^ diff) >>> 63;
  }

  /** 1 if x &lt; y as unsigned 256-bit values, else 0 ({@code Uint256.lt}). */
  public static long lt(long x0, long x1, long x2, long x3, long y0, long y1, long y2, long y3) {
    long d = x0 - y0;
    long br = borrow(x0, y0, d);
    d = x1 - y1 - br;
    br = borrow(x1, y1, d);
    d = x2 - y2 - br;
    br = borrow(x2, y2, d);
    d = x3 - y3 - br;
    return borrow(x3, y3, d);
  }

  /** 1 if x &lt; y as two's-complement values, else 0 ({@code Uint256.slt}). */
  public static long slt(long x0, long x1, long x2, long x3, long y0, long y1, long y2, long y3) {
    return lt(x0, x1, x2, x3 ^ Long.MIN_VALUE, y0, y1, y2, y3 ^ Long.MIN_VALUE);
  }

  /** 1 if x == y, else 0 ({@code Uint256.eq}). */
  public static long eq(long x0, long x1, long x2, long x3, long y0, long y1, long y2, long y3) {
    return ((x0 ^ y0) | (x1 ^ y1) | (x2 ^ y2) | (x3 ^ y3)) == 0 ? 1 : 0;
  }

  /** 1 if the value is zero, else 0 ({@code Uint256.iszero}). */
  public static long isZero(long x0, long x1, long x2, long x3) {
    return (x0 | x1 | x2 | x3) == 0 ? 1 : 0;
  }

  /** The value as a memory offset or length: {@code MemoryGas.operand}. */
  public static long memOperand(long w0, long w1, long w2, long w3) {
    if ((w1 | w2 | w3) != 0 || w0 < 0 || w0 > MemoryGas.MAX_MEMORY) {
      return MemoryGas.TOO_BIG;
    }
    return w0;
  }

  /**
   * The value as a jump destination: the pc when it is a valid JUMPDEST of {@code code}, else -1
   * ({@code Instructions.isJumpTarget}).
   */
  public static int jumpTarget(Code code, long w0, long w1, long w2, long w3) {
    return (w1 | w2 | w3) == 0 && code.isJumpDest(w0) ? (int) w0 : -1;
  }

  // ---- Uint256 operations on values held in locals: the operands are written where the stack
  // array would hold them and the interpreter's own Uint256 method computes the result there. ----

  /** Writes a value into the stack array at limb offset {@code o} (a flush of a value held in locals). */
  public static void put(long[] s, int o, long w0, long w1, long w2, long w3) {
    s[o] = w0;
    s[o + 1] = w1;
    s[o + 2] = w2;
    s[o + 3] = w3;
  }

  // Each writes μs[0] = x and μs[1] = y where the stack array holds them (x at b + 4, y at b) and
  // runs the interpreter's own Uint256 method there; the result is at b (μs[1]'s slot). One
  // direct call each, no dispatch on the opcode, so it stays cheap before HotSpot inlines it.
  // The "X" forms are for y already in the array at b (only x is in locals): one call where a
  // flush of x and a Uint256 call would be two, and half the operand loads. Each is small enough
  // (under 35 bytes of bytecode) for C1 to inline it as well.

  public static void mul(long[] s, int b, long x0, long x1, long x2, long x3, long y0, long y1, long y2, long y3) {
    put(s, b, y0, y1, y2, y3);
    mulX(s, b, x0, x1, x2, x3);
  }

  public static void mulX(long[] s, int b, long x0, long x1, long x2, long x3) {
    put(s, b + 4, x0, x1, x2, x3);
    Uint256.mul(s, b + 4, b);
  }

  public static void div(long[] s, int b, long x0, long x1, long x2, long x3, long y0, long y1, long y2, long y3) {
    put(s, b, y0, y1, y2, y3);
    divX(s, b, x0, x1, x2, x3);
  }

  public static void divX(long[] s, int b, long x0, long x1, long x2, long x3) {
    put(s, b + 4, x0, x1, x2, x3);
    Uint256.div(s, b + 4, b);
  }

  public static void sdiv(long[] s, int b, long x0, long x1, long x2, long x3, long y0, long y1, long y2, long y3) {
    put(s, b, y0, y1, y2, y3);
    sdivX(s, b, x0, x1, x2, x3);
  }

  public static void sdivX(long[] s, int b, long x0, long x1, long x2, long x3) {
    put(s, b + 4, x0, x1, x2, x3);
    Uint256.sdiv(s, b + 4, b);
  }

  public static void mod(long[] s, int b, long x0, long x1, long x2, long x3, long y0, long y1, long y2, long y3) {
    put(s, b, y0, y1, y2, y3);
    modX(s, b, x0, x1, x2, x3);
  }

  public static void modX(long[] s, int b, long x0, long x1, long x2, long x3) {
    put(s, b + 4, x0, x1, x2, x3);
    Uint256.mod(s, b + 4, b);
  }

  public static void smod(long[] s, int b, long x0, long x1, long x2, long x3, long y0, long y1, long y2, long y3) {
    put(s, b, y0, y1, y2, y3);
    smodX(s, b, x0, x1, x2, x3);
  }

  public static void smodX(long[] s, int b, long x0, long x1, long x2, long x3) {
    put(s, b + 4, x0, x1, x2, x3);
    Uint256.smod(s, b + 4, b);
  }

  public static void signextend(long[] s, int b, long x0, long x1, long x2, long x3, long y0, long y1, long y2, long y3) {
    put(s, b, y0, y1, y2, y3);
    signextendX(s, b, x0, x1, x2, x3);
  }

  public static void signextendX(long[] s, int b, long x0, long x1, long x2, long x3) {
    put(s, b + 4, x0, x1, x2, x3);
    Uint256.signextend(s, b + 4, b);
  }

  public static void byteOp(long[] s, int b, long x0, long x1, long x2, long x3, long y0, long y1, long y2, long y3) {
    put(s, b, y0, y1, y2, y3);
    byteOpX(s, b, x0, x1, x2, x3);
  }

  public static void byteOpX(long[] s, int b, long x0, long x1, long x2, long x3) {
    put(s, b + 4, x0, x1, x2, x3);
    Uint256.byteOp(s, b + 4, b);
  }

  public static void shl(long[] s, int b, long x0, long x1, long x2, long x3, long y0, long y1, long y2, long y3) {
    put(s, b, y0, y1, y2, y3);
    shlX(s, b, x0, x1, x2, x3);
  }

  public static void shlX(long[] s, int b, long x0, long x1, long x2, long x3) {
    put(s, b + 4, x0, x1, x2, x3);
    Uint256.shl(s, b + 4, b);
  }

  public static void shr(long[] s, int b, long x0, long x1, long x2, long x3, long y0, long y1, long y2, long y3) {
    put(s, b, y0, y1, y2, y3);
    shrX(s, b, x0, x1, x2, x3);
  }

  public static void shrX(long[] s, int b, long x0, long x1, long x2, long x3) {
    put(s, b + 4, x0, x1, x2, x3);
    Uint256.shr(s, b + 4, b);
  }

  public static void sar(long[] s, int b, long x0, long x1, long x2, long x3, long y0, long y1, long y2, long y3) {
    put(s, b, y0, y1, y2, y3);
    sarX(s, b, x0, x1, x2, x3);
  }

  public static void sarX(long[] s, int b, long x0, long x1, long x2, long x3) {
    put(s, b + 4, x0, x1, x2, x3);
    Uint256.sar(s, b + 4, b);
  }

  // ---- memory: MLOAD, MSTORE, MSTORE8 in one call each. The fast path (the word lies inside the
  // active memory) needs no expansion, so MemoryGas.expand would return the gas unchanged; every
  // other case goes through the interpreter's MemoryGas.operand/expand, in its order. Each
  // returns the gas left, negative when out of gas (nothing is then read or written). ----

  /** MLOAD of the word at offset w into {@code s[o..o+3]}. */
  public static long mload(Frame f, long gas, long[] s, int o, long w0, long w1, long w2, long w3) {
    Memory m = f.memory;
    if ((w1 | w2 | w3) != 0 || w0 < 0 || w0 > m.size() - 32L) {
      gas = expand(f, gas, w0, w1, w2, w3, 32);
      if (gas < 0) {
        return gas;
      }
    }
    m.loadWord((int) w0, s, o);
    return gas;
  }

  /** MSTORE of v at offset w. */
  public static long mstore(Frame f, long gas, long w0, long w1, long w2, long w3,
      long v0, long v1, long v2, long v3) {
    Memory m = f.memory;
    if ((w1 | w2 | w3) != 0 || w0 < 0 || w0 > m.size() - 32L) {
      gas = expand(f, gas, w0, w1, w2, w3, 32);
      if (gas < 0) {
        return gas;
      }
    }
    storeWord(m, (int) w0, v0, v1, v2, v3);
    return gas;
  }

  /** MSTORE8 of the low byte of v0 at offset w. */
  public static long mstore8(Frame f, long gas, long w0, long w1, long w2, long w3, long v0) {
    Memory m = f.memory;
    if ((w1 | w2 | w3) != 0 || w0 < 0 || w0 >= m.size()) {
      gas = expand(f, gas, w0, w1, w2, w3, 1);
      if (gas < 0) {
        return gas;
      }
    }
    m.storeByte((int) w0, (byte) v0);
    return gas;
  }

  /**
   * The expansion (and its gas) that touching {@code length} bytes at offset w needs, for an
   * access whose result is not used (MLOAD followed by POP).
   */
  public static long expand(Frame f, long gas, long w0, long w1, long w2, long w3, long length) {
    return MemoryGas.expand(f, gas, memOperand(w0, w1, w2, w3), length);
  }

  /** Writes the value as 32 big-endian bytes at {@code offset} ({@code Memory.storeWord}; already expanded). */
  public static void storeWord(Memory m, int offset, long w0, long w1, long w2, long w3) {
    byte[] d = m.array();
    LONGS.set(d, offset, w3);
    LONGS.set(d, offset + 8, w2);
    LONGS.set(d, offset + 16, w1);
    LONGS.set(d, offset + 24, w0);
  }
}
