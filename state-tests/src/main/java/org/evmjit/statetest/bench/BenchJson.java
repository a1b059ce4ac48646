package org.evmjit.statetest.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JSON of a benchmark file as state tests, one per test that {@link
 * org.evmjit.statetest.fixture.StateTestLoader} reads from it and in the same order: a state test
 * as it is; each concrete transaction of the revmc format as a state test of its own, its scalars
 * {@code data}, {@code gasLimit}, {@code value} (and {@code accessList}) made one-element arrays
 * ({@code accessLists}), the other fields ({@code sender}, {@code nonce}, fees, {@code to}) kept.
 */
final class BenchJson {
  private static final List<String> SCALARS = List.of("data", "gasLimit", "value");

  private BenchJson() {}

  /** One JSON object per test of {@code root} (the file's object of named tests). */
  static List<JsonNode> perTest(JsonNode root) {
    List<JsonNode> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : root.properties()) {
      JsonNode test = e.getValue();
      JsonNode tx = test.get("transaction");
      if (tx == null || !tx.isArray()) {
        out.add(test);
        continue;
      }
      for (JsonNode concrete : tx) {
        ObjectNode copy = test.deepCopy();
        copy.set("transaction", asStateTestTransaction((ObjectNode) concrete));
        out.add(copy);
      }
    }
    return out;
  }

  private static ObjectNode asStateTestTransaction(ObjectNode concrete) {
    ObjectNode tx = concrete.deepCopy();
    for (String field : SCALARS) {
      JsonNode value = tx.remove(field);
      tx.putArray(field).add(value);
    }
    JsonNode accessList = tx.remove("accessList");
    if (accessList != null) {
      tx.putArray("accessLists").add(accessList);
    }
    return tx;
  }
}
