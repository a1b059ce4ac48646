package org.evmjit.evm.trie;

import static org.evmjit.evm.testing.SharedFixtures.toHex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.evmjit.evm.crypto.Keccak;
import org.evmjit.evm.rlp.Rlp;
import org.evmjit.evm.word.Word;
import org.junit.jupiter.api.Test;

/**
 * {@link MerkleTrie} against hand-computed roots and against {@link #referenceRoot}, a direct
 * transcription of the Yellow Paper's structural definition (appendix D), on random key sets.
 */
class MerkleTrieTest {

  @Test
  void emptyRoot() {
    assertEquals("0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421",
        toHex(MerkleTrie.EMPTY_ROOT));
    assertEquals(toHex(MerkleTrie.EMPTY_ROOT), toHex(MerkleTrie.root(List.of())));
    assertEquals(toHex(MerkleTrie.EMPTY_ROOT),
        toHex(MerkleTrie.root(List.of(entry(new byte[] {1}, new byte[0])))));
  }

  @Test
  void shortRootNodeIsStillHashed() {
    // One leaf: key 0x41 (nibbles 4,1: even, leaf flag 2 -> 0x20 0x41), value "x".
    byte[] node = {(byte) 0xc4, (byte) 0x82, 0x20, 0x41, 0x78};
    assertEquals(toHex(Keccak.hash(node)),
        toHex(MerkleTrie.root(List.of(entry(new byte[] {0x41}, new byte[] {0x78})))));
  }

  @Test
  void emptyKeyAndPrefixKeys() {
    List<Map.Entry<byte[], byte[]>> entries = List.of(
        entry(new byte[0], new byte[] {1}),
        entry(new byte[] {0x12}, new byte[] {2}),
        entry(new byte[] {0x12, 0x34}, new byte[] {3}),
        entry(new byte[] {0x13}, "x".repeat(40).getBytes()));
    assertEquals(toHex(referenceRoot(entries)), toHex(MerkleTrie.root(entries)));
    assertEquals(toHex(referenceRoot(entries.subList(0, 1))),
        toHex(MerkleTrie.root(entries.subList(0, 1))));
  }

  @Test
  void repeatedKeyIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> MerkleTrie.root(List.of(
        entry(new byte[] {1, 2}, new byte[] {1}), entry(new byte[] {1, 2}, new byte[] {2}))));
  }

  @Test
  void randomShortKeysMatchReference() {
    Random random = new Random(42);
    for (int round = 0; round < 500; round++) {
      // Few distinct bytes and short keys: many shared prefixes, keys that are prefixes of others.
      TreeMap<String, Map.Entry<byte[], byte[]>> distinct = new TreeMap<>();
      int count = random.nextInt(40);
      for (int i = 0; i < count; i++) {
        byte[] key = new byte[random.nextInt(5)];
        for (int j = 0; j < key.length; j++) {
          key[j] = (byte) (random.nextInt(3) * 0x11 + (random.nextBoolean() ? 1 : 0));
        }
        byte[] value = new byte[random.nextInt(4) == 0 ? 1 + random.nextInt(60) : random.nextInt(3)];
        random.nextBytes(value);
        distinct.put(toHex(key), entry(key, value));
      }
      List<Map.Entry<byte[], byte[]>> entries = new ArrayList<>(distinct.values());
      Collections.shuffle(entries, random);
      assertEquals(toHex(referenceRoot(entries)), toHex(MerkleTrie.root(entries)), "round " + round);
    }
  }

  @Test
  void storageLikeTrieMatchesReference() {
    List<Map.Entry<byte[], byte[]>> entries = storageEntries(new Random(3), 1_000);
    assertEquals(toHex(referenceRoot(entries)), toHex(MerkleTrie.root(entries)));
  }

  @Test
  void thousandsOfKeysMatchReference() { // its speed is measured by plugin-bench's TrieBenchmark
    List<Map.Entry<byte[], byte[]>> entries = storageEntries(new Random(5), 5_000);
    assertEquals(toHex(referenceRoot(entries)), toHex(MerkleTrie.root(entries)));
  }

  /** keccak(slot) keys and RLP(minimal bytes) values, as in a storage trie. */
  private static List<Map.Entry<byte[], byte[]>> storageEntries(Random random, int count) {
    List<Map.Entry<byte[], byte[]>> entries = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Word value = new Word(random.nextLong(), random.nextInt(3) == 0 ? random.nextLong() : 0, 0, 0);
      entries.add(entry(Keccak.hash(Word.of(i).toBytes32()), Rlp.encodeWord(value)));
    }
    return entries;
  }

  private static Map.Entry<byte[], byte[]> entry(byte[] key, byte[] value) {
    return new SimpleImmutableEntry<>(key, value);
  }

  // ---- Reference: Yellow Paper appendix D, written for clarity, not speed. ----

  private record Pair(int[] path, byte[] value) {}

  static byte[] referenceRoot(List<Map.Entry<byte[], byte[]>> entries) {
    List<Pair> pairs = new ArrayList<>();
    for (Map.Entry<byte[], byte[]> e : entries) {
      if (e.getValue().length > 0) {
        byte[] key = e.getKey();
        int[] path = new int[key.length * 2];
        for (int i = 0; i < key.length; i++) {
          path[2 * i] = (key[i] >> 4) & 0xf;
          path[2 * i + 1] = key[i] & 0xf;
        }
        pairs.add(new Pair(path, e.getValue()));
      }
    }
    return pairs.isEmpty() ? MerkleTrie.EMPTY_ROOT : Keccak.hash(c(pairs, 0));
  }

  /** n(I, i): the reference to the node for pairs I at nibble depth i. */
  private static byte[] n(List<Pair> pairs, int i) {
    if (pairs.isEmpty()) {
      return Rlp.encodeBytes(new byte[0]);
    }
    byte[] node = c(pairs, i);
    return node.length < 32 ? node : Rlp.encodeBytes(Keccak.hash(node));
  }

  /** c(I, i): the RLP of the node for pairs I at nibble depth i. */
  private static byte[] c(List<Pair> pairs, int i) {
    if (pairs.size() == 1) {
      int[] path = pairs.get(0).path();
      return Rlp.encodeList(
          Rlp.encodeBytes(hp(Arrays.copyOfRange(path, i, path.length), true)),
          Rlp.encodeBytes(pairs.get(0).value()));
    }
    int j = i;
    while (allShareNibble(pairs, j)) {
      j++;
    }
    if (j > i) {
      return Rlp.encodeList(
          Rlp.encodeBytes(hp(Arrays.copyOfRange(pairs.get(0).path(), i, j), false)), n(pairs, j));
    }
    byte[][] items = new byte[17][];
    items[16] = Rlp.encodeBytes(new byte[0]);
    for (int u = 0; u < 16; u++) {
      List<Pair> child = new ArrayList<>();
      for (Pair p : pairs) {
        if (p.path().length > i && p.path()[i] == u) {
          child.add(p);
        }
      }
      items[u] = n(child, i + 1);
    }
    for (Pair p : pairs) {
      if (p.path().length == i) {
        items[16] = Rlp.encodeBytes(p.value());
      }
    }
    return Rlp.encodeList(items);
  }

  private static boolean allShareNibble(List<Pair> pairs, int j) {
    for (Pair p : pairs) {
      if (p.path().length <= j || p.path()[j] != pairs.get(0).path()[j]) {
        return false;
      }
    }
    return true;
  }

  private static byte[] hp(int[] nibbles, boolean leaf) {
    int flag = (leaf ? 2 : 0) + (nibbles.length % 2);
    int[] all = new int[nibbles.length % 2 == 1 ? nibbles.length + 1 : nibbles.length + 2];
    all[0] = flag;
    System.arraycopy(nibbles, 0, all, all.length - nibbles.length, nibbles.length);
    byte[] out = new byte[all.length / 2];
    for (int k = 0; k < out.length; k++) {
      out[k] = (byte) ((all[2 * k] << 4) | all[2 * k + 1]);
    }
    return out;
  }
}
