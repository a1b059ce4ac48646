package org.evmjit.evm.trie;

import static org.evmjit.evm.testing.SharedFixtures.toHex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.evmjit.evm.crypto.Keccak;
import org.evmjit.evm.testing.SharedFixtures;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The ethereum/tests {@code TrieTests} vectors, read at run time: one dynamic test per vector.
 *
 * <p>{@code in} is either an object (the {@code anyorder} files: key to value) or an array of
 * {@code [key, value]} pairs applied in order, where a null value deletes the key. Keys and values
 * are {@code 0x}-prefixed hex, else UTF-8 text ({@code "hexEncoded": true} means always hex). In
 * files whose name contains {@code secureTrie} / {@code securetrie} every key is replaced by its
 * keccak256 before insertion. The root of the final pairs must equal {@code root}, for the pairs in
 * insertion order and reversed.
 */
class MerkleTrieVectorsTest {
  /** Files whose vectors are skipped, each with the reason. */
  private static final Map<String, String> SKIPPED_FILES = Map.of(
      "trietestnextprev.json",
      "tests next/previous key iteration over a stored trie ([key, previous, next] triples), not a"
          + " root hash; MerkleTrie only computes roots and has no key iteration");

  @TestFactory
  Stream<DynamicNode> trieTests() {
    Path dir = SharedFixtures.ethereumTests("TrieTests");
    return SharedFixtures.jsonFiles(dir).stream()
        .map(file -> dynamicContainer(dir.relativize(file).toString(), vectors(file)));
  }

  private static Stream<DynamicTest> vectors(Path file) {
    String fileName = file.getFileName().toString();
    String skipReason = SKIPPED_FILES.get(fileName);
    boolean secure = fileName.toLowerCase(Locale.ROOT).contains("securetrie");
    List<DynamicTest> tests = new ArrayList<>();
    for (Map.Entry<String, JsonNode> vector : SharedFixtures.readJson(file).properties()) {
      JsonNode test = vector.getValue();
      tests.add(dynamicTest(vector.getKey(), skipReason != null
          ? () -> Assumptions.abort("skipped " + fileName + ": " + skipReason)
          : () -> check(test, secure)));
    }
    return tests.stream();
  }

  private static void check(JsonNode test, boolean secure) {
    boolean hexEncoded = test.path("hexEncoded").asBoolean(false);
    // Keyed by the hex of the (possibly hashed) key: byte[] has identity equality.
    Map<String, Map.Entry<byte[], byte[]>> pairs = new LinkedHashMap<>();
    JsonNode in = test.get("in");
    if (in.isObject()) {
      in.properties().forEach(p -> apply(pairs, p.getKey(), p.getValue(), secure, hexEncoded));
    } else if (in.isArray()) {
      in.forEach(pair -> apply(pairs, pair.get(0).asText(), pair.get(1), secure, hexEncoded));
    } else {
      fail("unknown shape of 'in': " + in.getNodeType());
    }
    String expected = toHex(SharedFixtures.hex(test.get("root").asText()));
    List<Map.Entry<byte[], byte[]>> entries = new ArrayList<>(pairs.values());
    assertEquals(expected, toHex(MerkleTrie.root(entries)), "root, pairs in insertion order");
    Collections.reverse(entries);
    assertEquals(expected, toHex(MerkleTrie.root(entries)), "root, pairs in reverse order");
  }

  private static void apply(Map<String, Map.Entry<byte[], byte[]>> pairs, String keyText,
      JsonNode value, boolean secure, boolean hexEncoded) {
    byte[] key = decode(keyText, hexEncoded);
    if (secure) {
      key = Keccak.hash(key);
    }
    String id = toHex(key);
    if (value == null || value.isNull()) {
      pairs.remove(id);
    } else {
      // An empty value is kept here: MerkleTrie.root must treat it as absent.
      pairs.remove(id); // re-insertion moves the key to the end, as in the source order
      pairs.put(id, new SimpleImmutableEntry<>(key, decode(value.asText(), hexEncoded)));
    }
  }

  private static byte[] decode(String text, boolean hexEncoded) {
    return hexEncoded ? SharedFixtures.hex(text) : SharedFixtures.hexOrText(text);
  }
}
