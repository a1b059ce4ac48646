package org.evmjit.statetest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.evmjit.statetest.FixtureJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gas limits from 2^63 to 2^64 - 1 are valid uint64 values: a block gas limit there admits the
 * transaction (state-test and bench), and a transaction gas limit there runs like a small one (its
 * code does not read GAS), with the same gas used and state root.
 */
class LargeGasLimitTest {
  private static final List<String> HUGE = List.of("0x8000000000000000", "0xffffffffffffffff");

  @TempDir Path dir;

  private static ObjectNode arithmetic() throws Exception {
    Path file = Path.of(LargeGasLimitTest.class.getResource("/org/evmjit/statetest/examples/arithmetic.json").toURI());
    return (ObjectNode) FixtureJson.MAPPER.readTree(Files.readString(file));
  }

  private Path write(String name, ObjectNode fixture) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, FixtureJson.MAPPER.writeValueAsString(fixture));
    return file;
  }

  @Test
  void blockGasLimitAbove2To63AdmitsTheTransaction() throws Exception {
    for (String limit : HUGE) {
      ObjectNode f = arithmetic();
      FixtureJson.at(FixtureJson.at(f, "arithmetic"), "env").put("currentGasLimit", limit);
      Path file = write("block-" + limit + ".json", f);
      // the code does not read GASLIMIT, so the committed post state still holds
      CliRun run = CliRun.of("state-test", file.toString());
      assertEquals(0, run.status(), limit + ": " + run);
      assertEquals("3 passed, 0 failed, 0 skipped", run.lastLine(), limit + ": " + run);

      CliRun bench = CliRun.of("bench", "--warmup", "0", "--iterations", "1", "--json", file.toString());
      JsonNode result = FixtureJson.MAPPER.readTree(bench.outLines().get(0));
      assertTrue(result.get("gasUsed").asLong() > 21_000, limit + ": the transaction ran\n" + bench);
      assertTrue(!result.get("status").asText().contains("rejected"), limit + ": " + bench);
    }
  }

  @Test
  void transactionGasLimitAbove2To63RunsLikeASmallOne() throws Exception {
    ObjectNode f = arithmetic();
    ObjectNode test = FixtureJson.at(f, "arithmetic");
    FixtureJson.at(test, "env").put("currentGasLimit", "0xffffffffffffffff");
    FixtureJson.at(FixtureJson.at(test, "pre"), "0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b").put("balance", "0x" + "f".repeat(40));
    ArrayNode limits = FixtureJson.at(test, "transaction").putArray("gasLimit").add("0x0f4240");
    HUGE.forEach(limits::add);
    ArrayNode cancun = (ArrayNode) FixtureJson.at(test, "post").get("Cancun");
    JsonNode entry = cancun.get(0);
    FixtureJson.at(test, "post").removeAll().putArray("Cancun");
    for (int g = 0; g < 3; g++) {
      ObjectNode e = entry.deepCopy();
      FixtureJson.at(e, "indexes").put("gas", g);
      ((ArrayNode) FixtureJson.at(test, "post").get("Cancun")).add(e);
    }
    CliRun run = CliRun.of("state-test", "--json", write("tx.json", f).toString());
    List<JsonNode> results = new ArrayList<>();
    for (String line : run.outLines()) {
      if (line.startsWith("{")) {
        results.add(FixtureJson.MAPPER.readTree(line));
      }
    }
    assertEquals(3, results.size(), run.toString());
    for (JsonNode r : results) {
      String error = r.get("error").isNull() ? "" : r.get("error").asText();
      assertTrue(!error.contains("Exception") && !error.contains("exception"), "g" + r.get("g") + ": " + r);
      assertEquals(results.get(0).get("gasUsed"), r.get("gasUsed"), r.toString());
      assertEquals(results.get(0).get("stateRoot"), r.get("stateRoot"), "the sender pays only for gas used: " + r);
    }
  }
}
