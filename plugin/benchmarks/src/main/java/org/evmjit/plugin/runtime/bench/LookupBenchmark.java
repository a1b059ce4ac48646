package org.evmjit.plugin.runtime.bench;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.frame.Code;
import org.evmjit.plugin.runtime.Decision;
import org.evmjit.plugin.runtime.JitConfig;
import org.evmjit.plugin.runtime.JitRuntime;
import org.evmjit.plugin.runtime.stub.InterpreterStubCompiler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Lookup latency with 100,000 resident entries, 2 threads:
 * <ul>
 *   <li>{@code hitRandom}: each call looks up one of the 100,000 compiled codes, in a random order
 *       per thread (cache misses on the table included);
 *   <li>{@code hitZipf}: the 100,000 compiled codes with Zipf popularity (exponent 1.1), as calls on a
 *       chain are distributed: the popular entries stay in the CPU caches;
 *   <li>{@code hitSame}: one hot code, over and over (the best case: a hot loop calling one contract);
 *   <li>{@code miss}: one of 100,000 codes that are not compiled and never become hot (threshold
 *       at its maximum): the table probe plus an event offered to the queue (and dropped when full),
 *       with the coordinator draining it on a third thread.
 * </ul>
 * The {@code baseline*} benchmarks load the same code objects and hashes without a lookup: the
 * difference is the runtime's share. Run:
 * {@code java -jar plugin/benchmarks/target/benchmarks.jar LookupBenchmark -prof gc}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@org.openjdk.jmh.annotations.Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Threads(2)
@State(Scope.Benchmark)
public class LookupBenchmark {
  static final int ENTRIES = 100_000;

  JitRuntime runtime;
  Code[] resident;
  Code[] cold;

  @Setup(Level.Trial)
  public void setUp() {
    runtime = JitRuntime.start(JitConfig.builder().threshold(0).workers(2).budgetBytes(1L << 40)
        .queueCapacity(1 << 17).maxPendingJobs(ENTRIES * 2).maxColdEntries(ENTRIES * 2)
        .idleEviction(Duration.ZERO).build(), new InterpreterStubCompiler(), "stub");
    resident = codes(0, ENTRIES);
    cold = codes(ENTRIES, ENTRIES);
    for (Code c : resident) {
      runtime.lookup(c, Fork.CANCUN);
    }
    if (!runtime.awaitQuiescence(Duration.ofMinutes(2)) || runtime.stats().resident().entries() != ENTRIES) {
      throw new IllegalStateException("setup failed: " + runtime.stats().toJson());
    }
    runtime.setThreshold(Integer.MAX_VALUE);
    runtime.resetStats();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    System.out.println();
    System.out.println("lookups " + runtime.stats().lookups() + ", queue " + runtime.stats().queue());
    runtime.close();
  }

  private static Code[] codes(int from, int n) {
    Code[] codes = new Code[n];
    for (int i = 0; i < n; i++) {
      int k = from + i;
      codes[i] = new Code(new byte[] {0x63, (byte) (k >>> 24), (byte) (k >>> 16), (byte) (k >>> 8), (byte) k, 0x00});
      codes[i].hash();
    }
    return codes;
  }

  /** A per-thread sequence of indexes with Zipf popularity (exponent 1.1), precomputed. */
  @State(Scope.Thread)
  public static class ZipfCursor {
    int[] order;
    int i;

    @Setup(Level.Trial)
    public void setUp() {
      double[] cumulative = new double[ENTRIES];
      double sum = 0;
      for (int k = 0; k < ENTRIES; k++) {
        sum += 1 / Math.pow(k + 1, 1.1);
        cumulative[k] = sum;
      }
      // popularity rank k goes to a random code, so the popular ones are spread over the table
      int[] codeOfRank = new Cursor().shuffled(new Random(42));
      Random r = new Random(Thread.currentThread().threadId());
      order = new int[1 << 20];
      for (int k = 0; k < order.length; k++) {
        int rank = java.util.Arrays.binarySearch(cumulative, r.nextDouble() * sum);
        rank = Math.min(ENTRIES - 1, rank >= 0 ? rank : -rank - 1);
        order[k] = codeOfRank[rank];
      }
    }

    int next() {
      int k = order[i];
      i = (i + 1) & (order.length - 1);
      return k;
    }
  }

  /** A per-thread random walk over the codes. */
  @State(Scope.Thread)
  public static class Cursor {
    int[] order;
    int i;

    int[] shuffled(Random r) {
      int[] o = new int[ENTRIES];
      for (int k = 0; k < ENTRIES; k++) {
        o[k] = k;
      }
      for (int k = ENTRIES - 1; k > 0; k--) {
        int j = r.nextInt(k + 1);
        int t = o[k];
        o[k] = o[j];
        o[j] = t;
      }
      return o;
    }

    @Setup(Level.Trial)
    public void setUp() {
      order = shuffled(new Random(Thread.currentThread().threadId()));
    }


    int next() {
      int k = order[i];
      i = i + 1 == ENTRIES ? 0 : i + 1;
      return k;
    }
  }

  @Benchmark
  public Decision hitRandom(Cursor cursor) {
    return runtime.lookup(resident[cursor.next()], Fork.CANCUN);
  }

  /**
   * Baseline for {@code hitRandom}: what a caller pays before any lookup, loading the same
   * {@code Code} and its cached hash (the harness's own cache misses). {@code hitRandom} minus
   * this is the runtime's share.
   */
  @Benchmark
  public byte[] baselineRandom(Cursor cursor) {
    return resident[cursor.next()].hash();
  }

  /** Baseline for {@code hitZipf}, as {@link #baselineRandom}. */
  @Benchmark
  public byte[] baselineZipf(ZipfCursor cursor) {
    return resident[cursor.next()].hash();
  }

  @Benchmark
  public Decision hitZipf(ZipfCursor cursor) {
    return runtime.lookup(resident[cursor.next()], Fork.CANCUN);
  }

  @Benchmark
  public Decision hitSame() {
    return runtime.lookup(resident[12_345], Fork.CANCUN);
  }

  @Benchmark
  public Decision miss(Cursor cursor) {
    return runtime.lookup(cold[cursor.next()], Fork.CANCUN);
  }
}
