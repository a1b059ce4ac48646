package org.evmjit.statetest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(Executor ex, String... args) throws Exception {
    ObjectNode t = FixtureJson.test();
    t.putObject("_info").putObject("labels").put("0", "empty");
    FixtureJson.post(t, "Cancun").removeAll();
    FixtureJson.post(t, "London").add(FixtureJson.entry(0, 0, 0, FixtureJson.ROOT_A));
    Files.writeString(dir.resolve("b.json"), FixtureJson.file("sha1_divs", t));
    Io io = new Io(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        new ByteArrayInputStream(new byte[0]), false);
    return Main.run(io, engine -> ex, args);
  }

  @Test
  void jsonLinePerInput() throws Exception {
    assertEquals(0, run(FakeExecutor.succeeding(FixtureJson.ROOT_A),
        "bench", "--json", "--warmup", "1", "--iterations", "3", dir.toString()));
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals(1, lines.size());
    JsonNode j = FixtureJson.MAPPER.readTree(lines.get(0));
    assertEquals("sha1_divs", j.get("name").asText());
    assertEquals("empty", j.get("input").asText());
    assertEquals("interpreter", j.get("engine").asText());
    assertEquals(21000, j.get("gasUsed").asLong());
    assertTrue(j.get("medianNs").asLong() > 0);
    assertTrue(j.has("mgasPerSec"));
    // the fake executor does not time its frames: the execution-only fields are there, and null
    assertTrue(j.has("execNs") && j.get("execNs").isNull(), lines.get(0));
    assertTrue(j.has("execMgasPerSec") && j.get("execMgasPerSec").isNull(), lines.get(0));
  }

  @Test
  void tableAndFailures() throws Exception {
    FakeExecutor throwing = new FakeExecutor(tx -> {
      throw new UnsupportedOperationException("not yet");
    }, tx -> new byte[32]);
    assertEquals(1, run(throwing, "bench", "--warmup", "0", "--iterations", "1", dir.toString()));
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertTrue(lines.get(0).matches("suite\\s+name\\s+input\\s+engine\\s+gas used\\s+median ns\\s+Mgas/s\\s+exec ns\\s+exec Mgas/s\\s*"),
        lines.get(0));
    assertTrue(lines.get(1).contains("FAILED: exception: java.lang.UnsupportedOperationException: not yet"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("b.json sha1_divs empty: exception:"));
  }

  @Test
  void severalEnginesSideBySideWithRatioJsonAndPlot() throws Exception {
    Path svg = dir.resolve("chart.svg");
    assertEquals(0, run(FakeExecutor.succeeding(FixtureJson.ROOT_A), "bench", "--engine", "interpreter,jit",
        "--json", "--warmup", "0", "--iterations", "2", "--plot", svg.toString(), dir.toString()));
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals(2, lines.size());
    JsonNode jit = FixtureJson.MAPPER.readTree(lines.get(1));
    assertEquals("jit", jit.get("engine").asText());
    assertTrue(jit.has("compileMs") && jit.has("classBytes"));
    String chart = Files.readString(svg);
    assertTrue(chart.startsWith("<svg") && chart.contains("sha1_divs") && chart.trim().endsWith("</svg>"));
    out.reset();
    assertEquals(0, run(FakeExecutor.succeeding(FixtureJson.ROOT_A), "bench", "--engine", "interpreter,jit",
        "--warmup", "0", "--iterations", "2", dir.toString()));
    String table = out.toString(StandardCharsets.UTF_8);
    assertTrue(table.contains("ratio") && table.contains("compile ms"), table);
    assertTrue(table.contains("jit vs interpreter: geometric mean speed-up"), table);
  }

  @Test
  void executionOnlyFiguresInTableJsonAndPlot() throws Exception {
    // the fake reports 7,000 ns of frame execution for every run: 21,000 gas in 7 us is 3,000 Mgas/s
    FakeExecutor timed = new FakeExecutor(tx -> new org.evmjit.evm.tx.TransactionResult(null,
        org.evmjit.evm.tx.ExecutionStatus.SUCCESS, 21000, new byte[0], List.of(), null, 7_000), tx -> new byte[32]);
    Path svg = dir.resolve("exec.svg");
    assertEquals(0, run(timed, "bench", "--engine", "interpreter,jit", "--json", "--warmup", "0", "--iterations", "3",
        "--plot", svg.toString(), dir.toString()));
    JsonNode j = FixtureJson.MAPPER.readTree(out.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow());
    assertEquals(7_000, j.get("execNs").asLong());
    assertEquals(3000.0, j.get("execMgasPerSec").asDouble(), 1e-9);
    assertTrue(Files.readString(svg).contains("exec 3,000"), "the chart gives the execution-only figure");
    out.reset();
    assertEquals(0, run(timed, "bench", "--engine", "interpreter,jit", "--warmup", "0", "--iterations", "3",
        dir.toString()));
    String table = out.toString(StandardCharsets.UTF_8);
    assertTrue(table.contains("exec ratio") && table.contains("7,000") && table.contains("3000.00"), table);
    assertTrue(table.contains("jit vs interpreter, execution only: geometric mean speed-up 1.00x over 1 inputs"), table);
  }

  @Test
  void aHaltedBenchmarkHasNoRate() throws Exception {
    // arithmetic's code ends in an invalid opcode under London (bench's fork for it): all gas goes at once
    Path file = Path.of(getClass().getResource("/org/evmjit/statetest/examples/arithmetic.json").toURI());
    CliRun table = CliRun.of("bench", "--warmup", "0", "--iterations", "1", file.toString());
    String row = table.outLines().get(1);
    assertTrue(row.matches(".*\\s-\\s+\\(halted: invalid opcode\\)\\s*"), table.toString());
    assertTrue(table.err().contains("bench " + file + " arithmetic d0: halted"), "the file as given: " + table);
    CliRun json = CliRun.of("bench", "--json", "--warmup", "0", "--iterations", "1", file.toString());
    JsonNode j = FixtureJson.MAPPER.readTree(json.outLines().get(0));
    assertTrue(j.get("mgasPerSec").isNull(), j.toString());
    assertTrue(j.get("gasUsed").asLong() > 0 && j.get("medianNs").asLong() > 0, j.toString());
  }
}
