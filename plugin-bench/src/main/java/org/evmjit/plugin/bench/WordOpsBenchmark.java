package org.evmjit.plugin.bench;

import java.math.BigInteger;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.tuweni.units.bigints.UInt256;
import org.evmjit.evm.word.Uint256;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The 256-bit EVM operations that dominate curve arithmetic, hashing and Solidity code (DIV, MOD,
 * SDIV, MUL, ADDMOD, MULMOD, EXP), each measured three ways in the same run:
 *
 * <ul>
 *   <li>{@code evmjit}: {@link Uint256}, the product code;
 *   <li>{@code bigInteger}: {@link BigInteger} on pre-built operands (conversion not counted, so
 *       this flatters BigInteger);
 *   <li>{@code tuweni}: Apache Tuweni's {@code UInt256} (tuweni-units), on pre-built operands.
 * </ul>
 *
 * <p>Each invocation takes the next of {@value #SETS} operand sets (so branch predictors cannot
 * learn a single operand), copies it onto a small EVM stack (μs[0] at 8, μs[1] at 4, μs[2] at 0,
 * as the interpreter lays them out) and runs the operation. To judge a change to {@link Uint256},
 * build this benchmark on both commits and run them one after the other (the figures of issue #21
 * came from a frozen copy of the old class, removed once measured). The operand {@link #shape}:
 *
 * <ul>
 *   <li>{@code full}: x a random 256-bit value with its top bit set, y a random 256-bit value, the
 *       divisor/modulus m a random value of 129 to 255 bits (3 or 4 limbs, so that the quotient
 *       is never 0 and every set takes Knuth's algorithm D; with m as likely to exceed x as not,
 *       the per-call times would be two far-apart groups and their median would jump);
 *   <li>{@code small}: all three below 2^64;
 *   <li>{@code mod64}: x and y 256-bit, m below 2^64 (one-limb divisor);
 *   <li>{@code secp256k1}, {@code bn254}: m the field prime, x and y reduced field elements, as
 *       curve code uses MULMOD/ADDMOD;
 *   <li>{@code pow2}: x and y 256-bit, m a power of two 2^0..2^255 (older Solidity's shifts and
 *       bit-field extraction are DIV/MOD by 2^k).
 * </ul>
 *
 * DIV, MOD and SDIV divide x by m; MUL uses x and y; EXP raises {@code x | 1} to y (y is
 * 256-bit in all shapes but {@code small}). Run e.g. {@code java -jar plugin-bench/target/benchmarks.jar
 * WordOpsBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class WordOpsBenchmark {
  static final int SETS = 64;
  static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);
  static final BigInteger MAX = TWO_256.subtract(BigInteger.ONE);
  static final BigInteger SECP256K1_P = new BigInteger(
      "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f", 16);
  static final BigInteger BN254_P = new BigInteger(
      "30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47", 16);

  @Param({"full", "small", "mod64", "secp256k1", "bn254", "pow2"})
  public String shape;

  /**
   * Operand sets, 16 limbs each: m (μs[2]), y (μs[1]), x (μs[0]) as they sit on the stack, then
   * EXP's base {@code x | 1}.
   */
  private final long[] sets = new long[SETS * 16];
  private final long[] stack = new long[16];
  private final BigInteger[] bx = new BigInteger[SETS];
  private final BigInteger[] by = new BigInteger[SETS];
  private final BigInteger[] bm = new BigInteger[SETS];
  private final BigInteger[] sx = new BigInteger[SETS];
  private final BigInteger[] sm = new BigInteger[SETS];
  private final BigInteger[] bOdd = new BigInteger[SETS];
  private final UInt256[] tx = new UInt256[SETS];
  private final UInt256[] ty = new UInt256[SETS];
  private final UInt256[] tm = new UInt256[SETS];
  private final UInt256[] tOdd = new UInt256[SETS];
  private int next;

  @Setup
  public void operands() {
    SplittableRandom r = new SplittableRandom(21);
    for (int i = 0; i < SETS; i++) {
      BigInteger x, y, m;
      switch (shape) {
        case "full" -> {
          x = new BigInteger(256, new java.util.Random(r.nextLong())).setBit(255);
          y = new BigInteger(256, new java.util.Random(r.nextLong()));
          m = new BigInteger(256, new java.util.Random(r.nextLong())).shiftRight(1 + r.nextInt(127));
        }
        case "small" -> {
          x = new BigInteger(64, new java.util.Random(r.nextLong()));
          y = new BigInteger(64, new java.util.Random(r.nextLong()));
          m = new BigInteger(64, new java.util.Random(r.nextLong()));
        }
        case "mod64" -> {
          x = new BigInteger(256, new java.util.Random(r.nextLong()));
          y = new BigInteger(256, new java.util.Random(r.nextLong()));
          m = new BigInteger(64, new java.util.Random(r.nextLong()));
        }
        case "pow2" -> {
          x = new BigInteger(256, new java.util.Random(r.nextLong()));
          y = new BigInteger(256, new java.util.Random(r.nextLong()));
          m = BigInteger.ONE.shiftLeft(r.nextInt(256));
        }
        case "secp256k1", "bn254" -> {
          m = shape.equals("bn254") ? BN254_P : SECP256K1_P;
          x = new BigInteger(256, new java.util.Random(r.nextLong())).mod(m);
          y = new BigInteger(256, new java.util.Random(r.nextLong())).mod(m);
        }
        default -> throw new IllegalArgumentException(shape);
      }
      if (m.signum() == 0) m = BigInteger.ONE;
      BigInteger odd = x.setBit(0);
      put(sets, i * 16, m);
      put(sets, i * 16 + 4, y);
      put(sets, i * 16 + 8, x);
      put(sets, i * 16 + 12, odd);
      bOdd[i] = odd;
      tOdd[i] = UInt256.valueOf(odd);
      bx[i] = x;
      by[i] = y;
      bm[i] = m;
      sx[i] = x.testBit(255) ? x.subtract(TWO_256) : x;
      sm[i] = m.testBit(255) ? m.subtract(TWO_256) : m;
      tx[i] = UInt256.valueOf(x);
      ty[i] = UInt256.valueOf(y);
      tm[i] = UInt256.valueOf(m);
    }
  }

  static void put(long[] s, int o, BigInteger v) {
    for (int k = 0; k < 4; k++) {
      s[o + k] = v.shiftRight(64 * k).longValue();
    }
  }

  /** Loads the next operand set onto the stack; returns its index. */
  private int load() {
    int i = next = (next + 1) & (SETS - 1);
    System.arraycopy(sets, i * 16, stack, 0, 16);
    return i;
  }

  /** Folds the result word at {@code o} into one long for JMH to consume. */
  private long result(int o) {
    long[] s = stack;
    return s[o] ^ s[o + 1] ^ s[o + 2] ^ s[o + 3];
  }

  /** The next index without loading the stack (for the object-based libraries). */
  private int index() {
    return next = (next + 1) & (SETS - 1);
  }

  // ---- DIV: x / m ----

  @Benchmark
  public long div_evmjit() {
    load();
    Uint256.copy(stack, 0, 4);
    Uint256.div(stack, 8, 4);
    return result(4);
  }


  @Benchmark
  public BigInteger div_bigInteger() {
    int i = index();
    return bx[i].divide(bm[i]);
  }

  @Benchmark
  public UInt256 div_tuweni() {
    int i = index();
    return tx[i].divide(tm[i]);
  }

  // ---- MOD: x mod m ----

  @Benchmark
  public long mod_evmjit() {
    load();
    Uint256.copy(stack, 0, 4);
    Uint256.mod(stack, 8, 4);
    return result(4);
  }


  @Benchmark
  public BigInteger mod_bigInteger() {
    int i = index();
    return bx[i].mod(bm[i]);
  }

  @Benchmark
  public UInt256 mod_tuweni() {
    int i = index();
    return tx[i].mod(tm[i]);
  }

  // ---- SDIV: x / m, both as two's complement ----

  @Benchmark
  public long sdiv_evmjit() {
    load();
    Uint256.copy(stack, 0, 4);
    Uint256.sdiv(stack, 8, 4);
    return result(4);
  }


  @Benchmark
  public BigInteger sdiv_bigInteger() {
    int i = index();
    return sx[i].divide(sm[i]);
  }

  @Benchmark
  public UInt256 sdiv_tuweni() {
    int i = index();
    return tx[i].sdiv0(tm[i]);
  }

  // ---- MUL: x * y mod 2^256 ----

  @Benchmark
  public long mul_evmjit() {
    load();
    Uint256.mul(stack, 8, 4);
    return result(4);
  }


  @Benchmark
  public BigInteger mul_bigInteger() {
    int i = index();
    return bx[i].multiply(by[i]).and(MAX);
  }

  @Benchmark
  public UInt256 mul_tuweni() {
    int i = index();
    return tx[i].multiply(ty[i]);
  }

  // ---- ADDMOD: (x + y) mod m ----

  @Benchmark
  public long addmod_evmjit() {
    load();
    Uint256.addmod(stack, 8, 4, 0);
    return result(0);
  }


  @Benchmark
  public BigInteger addmod_bigInteger() {
    int i = index();
    return bx[i].add(by[i]).mod(bm[i]);
  }

  @Benchmark
  public UInt256 addmod_tuweni() {
    int i = index();
    return tx[i].addMod(ty[i], tm[i]);
  }

  // ---- MULMOD: (x * y) mod m ----

  @Benchmark
  public long mulmod_evmjit() {
    load();
    Uint256.mulmod(stack, 8, 4, 0);
    return result(0);
  }


  @Benchmark
  public BigInteger mulmod_bigInteger() {
    int i = index();
    return bx[i].multiply(by[i]).mod(bm[i]);
  }

  @Benchmark
  public UInt256 mulmod_tuweni() {
    int i = index();
    return tx[i].multiplyMod(ty[i], tm[i]);
  }

  // ---- EXP: (x | 1) ** y mod 2^256 ----
  // The base is odd so that every set takes the square-and-multiply path (an even base with a
  // large exponent is 0 at once, and a mix of the two would make the sample median jump).

  @Benchmark
  public long exp_evmjit() {
    load();
    Uint256.exp(stack, 12, 4);
    return result(4);
  }


  @Benchmark
  public BigInteger exp_bigInteger() {
    int i = index();
    return bOdd[i].modPow(by[i], TWO_256);
  }

  @Benchmark
  public UInt256 exp_tuweni() {
    int i = index();
    return tOdd[i].pow(ty[i]);
  }
}
