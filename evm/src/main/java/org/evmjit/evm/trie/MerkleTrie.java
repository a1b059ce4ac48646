package org.evmjit.evm.trie;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.evmjit.evm.crypto.Keccak;
import org.evmjit.evm.rlp.Rlp;

/**
 * The root hash of a Merkle Patricia Trie (Yellow Paper appendix D), computed in one pass from the
 * full set of pairs, without building or storing a trie.
 *
 * <p>Every range of pairs whose keys share their first {@code depth} nibbles becomes one node: a
 * leaf when the range holds one key, an extension when all its keys share more nibbles, else a
 * branch. A branch puts the range in nibble order by one counting-sort pass over its nibble at
 * {@code depth} (a radix sort done as the trie is walked, so the keys are never compared), then
 * recurses into each of the 16 sub-ranges. Nibbles are read in place from the key bytes. A node
 * is referenced by its RLP when that is shorter than 32 bytes, else by its keccak; the root is
 * always hashed. The cost is dominated by keccak: one hash per leaf plus a few per branch.
 */
public final class MerkleTrie {
  /** keccak256(rlp("")): the root of the empty trie, 0x56e81f17…b421. */
  public static final byte[] EMPTY_ROOT = Keccak.hash(new byte[] {(byte) 0x80});

  private static final byte[] EMPTY_ITEM = {(byte) 0x80};
  private static final int BRANCH_WIDTH = 16;
  private static final int HASH_REFERENCE_THRESHOLD = 32;

  /** Parallel arrays of the present pairs; ranges of them are reordered in place by branch(). */
  private final byte[][] keys;
  private final byte[][] values;
  private final byte[][] scratchKeys;
  private final byte[][] scratchValues;

  private MerkleTrie(byte[][] keys, byte[][] values) {
    this.keys = keys;
    this.values = values;
    this.scratchKeys = new byte[keys.length][];
    this.scratchValues = new byte[keys.length][];
  }

  /**
   * Root of the trie holding these pairs (any order; keys distinct; an empty or null value means
   * the key is absent). Throws {@link IllegalArgumentException} on a repeated key.
   */
  public static byte[] root(List<Map.Entry<byte[], byte[]>> entries) {
    byte[][] keys = new byte[entries.size()][];
    byte[][] values = new byte[entries.size()][];
    int n = 0;
    for (Map.Entry<byte[], byte[]> e : entries) {
      byte[] value = e.getValue();
      if (value != null && value.length > 0) {
        keys[n] = e.getKey();
        values[n++] = value;
      }
    }
    if (n == 0) {
      return EMPTY_ROOT.clone();
    }
    if (n < keys.length) {
      keys = Arrays.copyOf(keys, n);
      values = Arrays.copyOf(values, n);
    }
    return Keccak.hash(new MerkleTrie(keys, values).node(0, n, 0));
  }

  /** The RLP of the node for pairs {@code [lo, hi)}, whose keys share their first depth nibbles. */
  private byte[] node(int lo, int hi, int depth) {
    byte[] first = keys[lo];
    if (hi - lo == 1) {
      return Rlp.encodeList(
          Rlp.encodeBytes(Nibbles.hexPrefix(first, depth, Nibbles.length(first), true)),
          Rlp.encodeBytes(values[lo]));
    }
    int shared = Nibbles.length(first);
    for (int i = lo + 1; i < hi && shared > depth; i++) {
      shared = Math.min(shared, Nibbles.commonPrefix(first, keys[i], depth));
    }
    if (shared == depth) {
      return branch(lo, hi, depth);
    }
    return Rlp.encodeList(
        Rlp.encodeBytes(Nibbles.hexPrefix(first, depth, shared, false)),
        reference(branch(lo, hi, shared)));
  }

  /** A branch at {@code depth}: the keys of {@code [lo, hi)} differ at this nibble or one ends here. */
  private byte[] branch(int lo, int hi, int depth) {
    int[] counts = new int[BRANCH_WIDTH];
    int ending = -1;
    for (int i = lo; i < hi; i++) {
      if (Nibbles.length(keys[i]) == depth) {
        if (ending >= 0) {
          throw new IllegalArgumentException(
              "repeated trie key 0x" + HexFormat.of().formatHex(keys[i]));
        }
        ending = i;
      } else {
        counts[Nibbles.at(keys[i], depth)]++;
      }
    }
    byte[][] items = new byte[BRANCH_WIDTH + 1][];
    items[BRANCH_WIDTH] = ending < 0 ? EMPTY_ITEM : Rlp.encodeBytes(values[ending]);
    // Counting sort of the other pairs by their nibble at depth, through the scratch arrays.
    int[] next = new int[BRANCH_WIDTH];
    for (int u = 0, at = lo; u < BRANCH_WIDTH; u++) {
      next[u] = at;
      at += counts[u];
    }
    for (int i = lo; i < hi; i++) {
      if (i != ending) {
        int slot = next[Nibbles.at(keys[i], depth)]++;
        scratchKeys[slot] = keys[i];
        scratchValues[slot] = values[i];
      }
    }
    if (ending >= 0) {
      // The pair that ends here goes last, so the range stays a permutation of itself.
      scratchKeys[hi - 1] = keys[ending];
      scratchValues[hi - 1] = values[ending];
    }
    System.arraycopy(scratchKeys, lo, keys, lo, hi - lo);
    System.arraycopy(scratchValues, lo, values, lo, hi - lo);
    for (int u = 0, at = lo; u < BRANCH_WIDTH; u++) {
      int count = counts[u];
      items[u] = count == 0 ? EMPTY_ITEM : reference(node(at, at + count, depth + 1));
      at += count;
    }
    return Rlp.encodeList(items);
  }

  /** How a parent refers to a child node: inline when short, else by hash. */
  private static byte[] reference(byte[] node) {
    return node.length < HASH_REFERENCE_THRESHOLD ? node : Rlp.encodeBytes(Keccak.hash(node));
  }
}
