package org.evmjit.statetest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.evmjit.statetest.FixtureJson;
import org.evmjit.statetest.runner.Executor;
import org.evmjit.statetest.runner.FakeExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private String stdin = "";

  private FakeExecutor executor = FakeExecutor.succeeding(FixtureJson.ROOT_A);

  @BeforeEach
  void writeFixtures() throws Exception {
    Files.createDirectories(dir.resolve("stB"));
    Files.createDirectories(dir.resolve("stA"));
    ObjectNode passing = FixtureJson.test();
    FixtureJson.post(passing, "Cancun").add(FixtureJson.entry(1, 0, 0, FixtureJson.ROOT_A));
    FixtureJson.post(passing, "Shanghai").add(FixtureJson.entry(0, 0, 0, FixtureJson.ROOT_A));
    Files.writeString(dir.resolve("stA/pass.json"), FixtureJson.file("passing", passing));
    ObjectNode failing = FixtureJson.test();
    FixtureJson.post(failing, "Cancun").removeAll().add(FixtureJson.entry(0, 0, 0, FixtureJson.ROOT_B));
    Files.writeString(dir.resolve("stB/fail.json"), FixtureJson.file("failing", failing));
    Files.writeString(dir.resolve("stB/notes.txt"), "not a fixture");
  }

  private int run(String... args) {
    Executor ex = executor;
    Io io = new Io(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), false);
    return Main.run(io, engine -> ex, args);
  }

  private List<String> outLines() {
    return out.toString(StandardCharsets.UTF_8).lines().toList();
  }

  private String errText() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void textOutputListsFailuresAndEndsWithTheSummary() {
    assertEquals(1, run("state-test", dir.toString()));
    List<String> lines = outLines();
    assertEquals(List.of(
        "FAIL stB/fail.json failing Cancun d=0 g=0 v=0: state root " + FixtureJson.ROOT_A
            + " != expected " + FixtureJson.ROOT_B,
        "3 passed, 1 failed, 0 skipped"), lines);
  }

  @Test
  void severalPathsAreNamedByTheirFolder() {
    assertEquals(1, run("state-test", dir.resolve("stB").toString(), dir.resolve("stA/pass.json").toString()));
    List<String> lines = outLines();
    assertTrue(lines.get(0).startsWith("FAIL stB/fail.json failing Cancun"), lines.get(0));
    assertEquals("3 passed, 1 failed, 0 skipped", lines.get(1));
  }

  @Test
  void allPassingExitsZero() {
    assertEquals(0, run("state-test", dir.resolve("stA").toString()));
    assertEquals(List.of("3 passed, 0 failed, 0 skipped"), outLines());
  }

  @Test
  void jsonOutputHasBesuFieldsInOrder() throws Exception {
    assertEquals(1, run("state-test", "--json", "--workers", "3", dir.toString()));
    List<String> lines = outLines();
    assertEquals(5, lines.size());
    assertEquals("3 passed, 1 failed, 0 skipped", lines.get(4));
    JsonNode first = FixtureJson.MAPPER.readTree(lines.get(0));
    assertEquals(List.of("test", "fork", "d", "g", "v", "stateRoot", "postLogsHash", "output", "gasUsed",
        "pass", "error", "time"), iterableToList(first.fieldNames()));
    assertEquals("passing", first.get("test").asText());
    assertEquals("Shanghai", first.get("fork").asText(), "forks sort chronologically");
    assertEquals(FixtureJson.ROOT_A, first.get("stateRoot").asText());
    assertEquals("0x5208", first.get("gasUsed").asText());
    assertEquals("ab", first.get("output").asText());
    assertTrue(first.get("pass").asBoolean());
    assertTrue(first.get("error").isNull());
    assertEquals(1, FixtureJson.MAPPER.readTree(lines.get(2)).get("d").asInt());
    JsonNode failed = FixtureJson.MAPPER.readTree(lines.get(3));
    assertEquals("failing", failed.get("test").asText());
    assertFalse(failed.get("pass").asBoolean());
  }

  @Test
  void filtersByForkNameRunAndIndexes() {
    assertEquals(0, run("state-test", "--fork", "Shanghai", dir.toString()));
    assertEquals(List.of("1 passed, 0 failed, 0 skipped"), outLines());
    out.reset();
    assertEquals(0, run("state-test", "--run", "pass", "--data-index", "1", dir.toString()));
    assertEquals(List.of("1 passed, 0 failed, 0 skipped"), outLines());
    out.reset();
    assertEquals(1, run("state-test", "--gas-index", "1", "--value-index", "0", dir.toString())); // nothing run
    assertEquals(List.of("0 passed, 0 failed, 0 skipped"), outLines());
  }

  @Test
  void forkAliasesAreAccepted() {
    // accepted, not a usage error (2); the fixtures have no entries of these forks, so nothing ran (1)
    assertEquals(1, run("state-test", "--fork", "ConstantinopleFix", dir.toString()));
    assertEquals(1, run("state-test", "--fork", "EIP150", dir.toString()));
    assertEquals(0, run("state-test", "--fork", "cancun", "--run", "passing", dir.toString()));
  }

  @Test
  void unknownForkIsAUsageErrorListingKnownNames() {
    assertEquals(2, run("state-test", "--fork", "Pragu", dir.toString()));
    assertTrue(errText().contains("unknown fork 'Pragu'; known forks: Frontier, Homestead, EIP150"), errText());
    assertTrue(outLines().isEmpty());
  }

  @Test
  void otherUsageErrors() {
    assertEquals(2, run("state-test", dir.resolve("missing.json").toString()));
    assertTrue(errText().contains("no such file or directory"), errText());
    assertEquals(2, run("state-test", "--workers", "0", dir.toString()));
    assertEquals(2, run("state-test", "--engine", "jet", dir.toString()));
    assertTrue(errText().contains("unknown engine 'jet'; known: interpreter, jit, both"), errText());
    assertEquals(2, run("state-test", "--data-index", "x", dir.toString()));
    assertEquals(2, run("state-test", "--bogus"));
    assertEquals(2, run("nope"));
    assertEquals(2, run());
  }

  @Test
  void readsFileNamesFromStandardInput() {
    stdin = dir.resolve("stB/fail.json") + "\n\n" + dir.resolve("stA/pass.json") + "\n";
    assertEquals(1, run("state-test", "--json"));
    List<String> lines = outLines();
    assertEquals(5, lines.size());
    assertTrue(lines.get(0).contains("\"test\":\"failing\""), "stdin order is kept");
    assertEquals("3 passed, 1 failed, 0 skipped", lines.get(4));
  }

  @Test
  void malformedFilesAreReportedAndTheRunGoesOn() throws Exception {
    Files.writeString(dir.resolve("stB/broken.json"), "{\"t\": {\"env\": {}}}");
    assertEquals(1, run("state-test", dir.toString()));
    List<String> lines = outLines();
    assertTrue(lines.contains("FAIL stB/broken.json: t: env.currentCoinbase: missing"), lines.toString());
    assertEquals("3 passed, 2 failed, 0 skipped", lines.get(lines.size() - 1));
  }

  @Test
  void evmExceptionsAreReportedPerEntry() {
    executor = new FakeExecutor(tx -> {
      throw new UnsupportedOperationException("not yet");
    }, tx -> new byte[32]);
    assertEquals(1, run("state-test", dir.toString()));
    List<String> lines = outLines();
    assertEquals(5, lines.size());
    assertTrue(lines.get(0).startsWith("FAIL stA/pass.json passing Shanghai d=0 g=0 v=0: exception:"
        + " java.lang.UnsupportedOperationException: not yet"), lines.get(0));
    assertEquals("0 passed, 4 failed, 0 skipped", lines.get(4));
  }

  @Test
  void traceWritesEip3155LinesToStandardError() {
    assertEquals(0, run("state-test", "--trace", "--run", "passing", "--fork", "Shanghai", dir.toString()));
    assertEquals("{\"pc\":0,\"op\":96,\"gas\":\"0x64\",\"gasCost\":\"0x3\",\"memSize\":0,\"stack\":[],"
        + "\"depth\":1,\"refund\":0,\"opName\":\"" + org.evmjit.evm.opcode.OpcodeTable.name(0x60) + "\"}\n"
        + "{\"output\":\"\",\"gasUsed\":\"0x5208\",\"error\":null}\n", errText());
  }

  @Test
  void versionAndHelp() {
    assertEquals(0, run("--version"));
    assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("evmjit "));
    out.reset();
    assertEquals(0, run("state-test", "--help"));
    String help = out.toString(StandardCharsets.UTF_8);
    for (String option : List.of("--fork", "--run", "--data-index", "--gas-index", "--value-index", "--json",
        "--trace", "--workers", "--engine")) {
      assertTrue(help.contains(option), option);
    }
    out.reset();
    assertEquals(0, run("bench", "--help"));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("--iterations"));
  }

  private static List<String> iterableToList(java.util.Iterator<String> it) {
    List<String> out = new java.util.ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }
}
