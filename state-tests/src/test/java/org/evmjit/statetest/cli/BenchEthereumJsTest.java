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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.evmjit.statetest.FixtureJson;
import org.evmjit.statetest.SharedPaths;
import org.evmjit.statetest.ethjs.NodeSetup;
import org.evmjit.statetest.runner.Executor;
import org.evmjit.statetest.runner.FakeExecutor;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench --engine ...,ethereumjs}: the column, its check against evmjit, its time limit, and a missing Node. */
class BenchEthereumJsTest {
  @TempDir Path dir;

  private static void needNode() {
    NodeSetup setup = NodeSetup.find();
    Assumptions.assumeTrue(setup.available(), setup::problem);
  }

  /** Two small shared inputs: a revmc transaction (sender, no key) and an evm-benchmarks state test. */
  private static List<String> sharedInputs() {
    Optional<Path> benchmarks = SharedPaths.find("benchmarks");
    Assumptions.assumeTrue(benchmarks.isPresent(), () -> "../shared/benchmarks not found (looked in "
        + SharedPaths.candidates() + "; set -D" + SharedPaths.PROPERTY + "=/path/to/shared)");
    Path counter = benchmarks.get().resolve("revmc/counter.json");
    Path signextend = benchmarks.get().resolve("evm-benchmarks/micro/signextend.json");
    Assumptions.assumeTrue(Files.isRegularFile(counter) && Files.isRegularFile(signextend),
        () -> "the shared benchmarks lack " + counter + " or " + signextend);
    return List.of(counter.toString(), signextend.toString());
  }

  private static CliRun bench(List<String> args) {
    List<String> all = new ArrayList<>(List.of("bench", "--warmup", "1", "--iterations", "2"));
    all.addAll(args);
    return CliRun.of(all.toArray(String[]::new));
  }

  @Test
  void theEthereumJsColumnAgreesWithTheInterpreterOnSharedBenchmarks() throws Exception {
    needNode();
    List<String> args = new ArrayList<>(List.of("--json", "--engine", "interpreter,ethereumjs"));
    args.addAll(sharedInputs());
    CliRun run = bench(args);
    assertEquals(0, run.status(), run::toString);
    List<JsonNode> lines = new ArrayList<>();
    for (String line : run.outLines()) {
      lines.add(FixtureJson.MAPPER.readTree(line));
    }
    assertEquals(6, lines.size(), "counter and signextend's two inputs, on two engines: " + run);
    for (int i = 0; i < lines.size(); i += 2) {
      JsonNode interpreter = lines.get(i), ethereumjs = lines.get(i + 1);
      assertEquals("interpreter", interpreter.get("engine").asText());
      assertEquals("ethereumjs", ethereumjs.get("engine").asText());
      assertEquals(interpreter.get("name"), ethereumjs.get("name"));
      assertEquals(interpreter.get("input"), ethereumjs.get("input"));
      assertTrue(interpreter.get("gasUsed").asLong() > 21_000, interpreter.toString());
      assertEquals(interpreter.get("gasUsed").asLong(), ethereumjs.get("gasUsed").asLong(), run.toString());
      assertEquals("ok", ethereumjs.get("status").asText(), ethereumjs.toString());
      assertEquals(2, ethereumjs.get("runs").asInt(), "--iterations 2, measured inside Node");
      assertTrue(ethereumjs.get("medianNs").asLong() > 0, ethereumjs.toString());
      assertTrue(ethereumjs.get("mgasPerSec").isNumber(), ethereumjs.toString());
      assertTrue(ethereumjs.get("execNs").asLong() > 0, "the outermost message's time: " + ethereumjs);
      assertTrue(ethereumjs.get("execMgasPerSec").isNumber(), ethereumjs.toString());
      assertTrue(ethereumjs.get("compileMs").isNull() && ethereumjs.get("classBytes").isNull(), ethereumjs.toString());
    }
  }

  @Test
  void theTableHasAnEthereumJsRowPerInputAndAGeometricMean() {
    needNode();
    List<String> args = new ArrayList<>(List.of("--engine", "ethereumjs,interpreter", "--plot",
        dir.resolve("chart.svg").toString()));
    args.add(sharedInputs().get(0));
    CliRun run = bench(args);
    assertEquals(0, run.status(), run::toString);
    List<String> lines = run.outLines();
    assertTrue(lines.get(0).matches("suite\\s+name\\s+input\\s+engine\\s+gas used\\s+median ns\\s+Mgas/s.*"), run.toString());
    String[] ethereumjs = lines.get(1).trim().split("\\s+"), interpreter = lines.get(2).trim().split("\\s+");
    assertEquals(List.of("revmc", "counter", "-", "ethereumjs"), List.of(ethereumjs).subList(0, 4), run.toString());
    assertEquals(List.of("revmc", "counter", "-", "interpreter"), List.of(interpreter).subList(0, 4), run.toString());
    assertTrue(ethereumjs[4].matches("[0-9,]+"), "gas used: " + run);
    assertEquals(interpreter[4], ethereumjs[4], "gas used: " + run);
    assertEquals("1.00x", ethereumjs[9], "the first engine is the ratios' base: " + run);
    assertTrue(run.out().contains("interpreter vs ethereumjs: geometric mean speed-up"), run.toString());
    assertTrue(run.out().contains("interpreter vs ethereumjs, execution only: geometric mean speed-up"), run.toString());
  }

  /** Runs the command line with evmjit's engines faked by {@code ex} on a small fixture of ours. */
  private int runWithFake(ByteArrayOutputStream out, ByteArrayOutputStream err, Executor ex, String... args)
      throws Exception {
    ObjectNode t = FixtureJson.test();
    FixtureJson.at(FixtureJson.at(t, "pre"), FixtureJson.SENDER).put("nonce", "0x00"); // the transaction's nonce: valid
    t.putObject("_info").putObject("labels").put("0", "empty");
    Files.writeString(dir.resolve("b.json"), FixtureJson.file("store", t));
    Io io = new Io(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        new ByteArrayInputStream(new byte[0]), false);
    List<String> all = new ArrayList<>(List.of(args));
    all.add(dir.toString());
    return Main.run(io, engine -> ex, all.toArray(String[]::new));
  }

  @Test
  void aGasDifferenceFromEvmjitIsReportedAsADivergence() throws Exception {
    needNode();
    ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
    // the fixture's code (SSTORE 2 into slot 0 of a fresh account) costs ethereumjs more than the fake's 21,000
    int status = runWithFake(out, err, FakeExecutor.succeeding(FixtureJson.ROOT_A),
        "bench", "--json", "--engine", "interpreter,ethereumjs", "--warmup", "0", "--iterations", "1");
    assertEquals(1, status, () -> out + "\n" + err);
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    JsonNode ethereumjs = FixtureJson.MAPPER.readTree(lines.get(1));
    assertTrue(ethereumjs.get("status").asText().matches("diverges from interpreter: gas used [0-9]+ vs 21000, ok vs ok"),
        ethereumjs.toString());
    assertTrue(ethereumjs.get("mgasPerSec").isNull(), "no rate for a divergent result: " + ethereumjs);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("[ethereumjs]: diverges from interpreter"), err::toString);
  }

  @Test
  void anInputPastTheTimeLimitIsSkippedWithThatReason() throws Exception {
    needNode();
    ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
    // ethereumjs alone, whose runs of the fixture's transaction cannot all fit in one second
    int status = runWithFake(out, err, FakeExecutor.succeeding(FixtureJson.ROOT_A),
        "bench", "--engine", "ethereumjs", "--time-limit", "1", "--warmup", "100000", "--iterations", "100000");
    String table = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, status, () -> table + "\n" + err);
    assertTrue(table.lines().skip(1).findFirst().orElseThrow()
        .matches(".*ethereumjs(\\s+-){5}\\s+skipped: time limit of 1000 ms exceeded on ethereumjs"), table);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("store empty: skipped: time limit of 1000 ms"), err::toString);
  }

  @Test
  void anUnknownEngineIsAUsageErrorNamingEthereumJsAmongTheKnownOnes() {
    CliRun run = CliRun.of("bench", "--engine", "interpreter,nosuch", dir.toString());
    assertEquals(2, run.status(), run::toString);
    assertTrue(run.err().contains("unknown engine 'nosuch'; known: interpreter, jit, both, runtime, ethereumjs"),
        run::toString);
  }

  @Test
  void withoutTheNodeProgramTheEngineIsUnavailableWithAClearMessage() throws Exception {
    String before = System.getProperty(NodeSetup.PROPERTY);
    System.setProperty(NodeSetup.PROPERTY, dir.toString()); // a folder without engine.js
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
      int status = runWithFake(out, err, FakeExecutor.succeeding(FixtureJson.ROOT_A),
          "bench", "--engine", "interpreter,ethereumjs", "--warmup", "0", "--iterations", "1");
      assertEquals(2, status);
      assertTrue(err.toString(StandardCharsets.UTF_8).contains("ethereumjs engine unavailable: the Node program"
          + " engines/ethereumjs/engine.js was not found (set EVMJIT_ETHEREUMJS to its folder)"), err::toString);
      assertFalse(out.toString(StandardCharsets.UTF_8).contains("interpreter"), "nothing ran: " + out);
    } finally {
      if (before == null) {
        System.clearProperty(NodeSetup.PROPERTY);
      } else {
        System.setProperty(NodeSetup.PROPERTY, before);
      }
    }
  }
}
