package org.evmjit.plugin.bench;

import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.evmjit.evm.crypto.Keccak;
import org.evmjit.evm.rlp.Rlp;
import org.evmjit.evm.trie.MerkleTrie;
import org.evmjit.evm.word.Word;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Root of a storage-like Merkle Patricia Trie (keccak(slot) keys, RLP values), the cost every
 * state-test entry pays for its state root; a quadratic regression shows as 5,000 keys taking
 * far more than 10x 500.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TrieBenchmark {
  @Param({"500", "5000"})
  public int keys;

  private List<Map.Entry<byte[], byte[]>> entries;

  @Setup
  public void fill() {
    Random random = new Random(5);
    entries = new ArrayList<>();
    for (int i = 0; i < keys; i++) {
      Word value = new Word(random.nextLong(), random.nextInt(3) == 0 ? random.nextLong() : 0, 0, 0);
      entries.add(new SimpleImmutableEntry<>(Keccak.hash(Word.of(i).toBytes32()), Rlp.encodeWord(value)));
    }
  }

  @Benchmark
  public byte[] root() {
    return MerkleTrie.root(entries);
  }
}
