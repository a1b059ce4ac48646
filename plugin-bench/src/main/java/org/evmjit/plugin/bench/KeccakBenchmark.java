package org.evmjit.plugin.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.evmjit.evm.crypto.Keccak;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Keccak-256 of 32 and 64 bytes (a storage key, a Solidity mapping slot {@code keccak(key .
 * slot)}) and of 1 KB, three ways in the same run:
 *
 * <ul>
 *   <li>{@code evmjit}: {@link Keccak#hash(byte[], int, int)}, the product code;
 *   <li>{@code baseline}: the implementation before issue #21, Bouncy Castle's {@link KeccakDigest}
 *       from a {@link ThreadLocal} (kept here as {@link #BASELINE});
 *   <li>{@code bouncyCastle}: one {@link KeccakDigest} held by the benchmark state, Bouncy Castle's
 *       best case (no thread-local lookup).
 * </ul>
 *
 * The input is hashed at offset 0 of a larger buffer (like SHA3 over EVM memory).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class KeccakBenchmark {
  private static final ThreadLocal<KeccakDigest> BASELINE =
      ThreadLocal.withInitial(() -> new KeccakDigest(256));

  @Param({"32", "64", "1024"})
  public int length;

  private byte[] data;
  private final KeccakDigest digest = new KeccakDigest(256);

  @Setup
  public void data() {
    data = new byte[length + 64];
    new SplittableRandom(21).nextBytes(data);
  }

  @Benchmark
  public byte[] keccak_evmjit() {
    return Keccak.hash(data, 0, length);
  }

  @Benchmark
  public byte[] keccak_baseline() {
    KeccakDigest d = BASELINE.get();
    d.update(data, 0, length);
    byte[] out = new byte[32];
    d.doFinal(out, 0);
    return out;
  }

  @Benchmark
  public byte[] keccak_bouncyCastle() {
    digest.update(data, 0, length);
    byte[] out = new byte[32];
    digest.doFinal(out, 0);
    return out;
  }
}
