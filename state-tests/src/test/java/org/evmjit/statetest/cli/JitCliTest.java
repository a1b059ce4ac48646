package org.evmjit.statetest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.evmjit.statetest.FixtureJson;
import org.evmjit.statetest.runner.Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.TypeConversionException;

/** {@code --engine runtime}, the {@code --jit-*} options and {@code --stats}, on the bundled examples. */
class JitCliTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    Io io = new Io(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        new ByteArrayInputStream(new byte[0]), false);
    return Main.run(io, Engine::newExecutor, args);
  }

  private static Path examples() throws Exception {
    return Path.of(JitCliTest.class.getResource("/org/evmjit/statetest/examples/arithmetic.json").toURI()).getParent();
  }

  private String errText() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void stateTestOnTheRuntimeWritesStatistics() throws Exception {
    Path stats = dir.resolve("out/stats.json");
    assertEquals(0, run("state-test", "--engine", "runtime", "--jit-threshold", "0", "--jit-budget", "4k",
        "--jit-workers", "1", "--jit-idle-evict", "0", "--stats", stats.toString(), examples().toString()), errText());
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertTrue(lines.get(lines.size() - 1).matches("\\d+ passed, 0 failed, 0 skipped"), lines.toString());
    assertTrue(errText().contains("jit (asm, threshold 0): "), errText()); // the real compiler is the default
    JsonNode j = FixtureJson.MAPPER.readTree(Files.readString(stats));
    assertEquals("asm", j.get("compiler").asText());
    assertEquals(0, j.get("threshold").asInt());
    assertEquals(4096, j.get("budgetBytes").asLong());
    assertTrue(j.at("/lookups/total").asLong() > 0);
    // the run ends by waiting for the runtime to settle, so every compile threshold 0 set going is done
    long dispatched = j.at("/compilations/dispatched").asLong();
    assertTrue(dispatched > 0, j.toString());
    assertEquals(dispatched, j.at("/compilations/succeeded").asLong() + j.at("/compilations/failed").asLong()
        + j.at("/compilations/ineligible").asLong(), "every dispatched compile finished: " + j);
    assertTrue(j.at("/compilations/succeeded").asLong() > 0, j.toString());
    assertTrue(j.at("/resident/bytes").asLong() <= 4096);
  }

  @Test
  void disabledRuntimeInterpretsEverything() throws Exception {
    Path stats = dir.resolve("stats.json");
    assertEquals(0, run("state-test", "--engine", "runtime", "--jit-disabled", "--stats", stats.toString(),
        examples().toString()), errText());
    JsonNode j = FixtureJson.MAPPER.readTree(Files.readString(stats));
    assertEquals(0, j.at("/lookups/hits").asLong());
    assertEquals(j.at("/lookups/total").asLong(), j.at("/lookups/interpreted/DISABLED").asLong());
    assertEquals(0, j.at("/compilations/dispatched").asLong());
  }

  @Test
  void benchTimesFrameExecutionApartOnBothEngines() throws Exception {
    assertEquals(0, run("bench", "--engine", "interpreter,jit", "--json", "--warmup", "1", "--iterations", "3",
        examples().resolve("storageRefunds.json").toString()), errText());
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertTrue(lines.size() >= 2, lines.toString());
    for (String line : lines) {
      JsonNode j = FixtureJson.MAPPER.readTree(line);
      long exec = j.get("execNs").asLong();
      assertTrue(exec > 0 && exec <= j.get("medianNs").asLong(), line); // frames are part of the transaction
      assertTrue(j.get("execMgasPerSec").asDouble() >= j.get("mgasPerSec").asDouble(), line);
    }
  }

  @Test
  void benchShowsTheTimeToCompiledAndTheSteadyState() throws Exception {
    Path stats = dir.resolve("bench.json");
    assertEquals(0, run("bench", "--engine", "runtime", "--jit-threshold", "2", "--json", "--warmup", "1",
        "--iterations", "2", "--stats", stats.toString(), examples().resolve("storageRefunds.json").toString()), errText());
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertTrue(lines.size() >= 1, lines.toString());
    JsonNode first = FixtureJson.MAPPER.readTree(lines.get(0));
    assertEquals("runtime", first.get("engine").asText());
    assertTrue(first.get("runsToCompiled").asInt() >= 3, first.toString()); // threshold 2: call 3 triggers
    assertTrue(first.get("msToCompiled").asDouble() > 0);
    assertEquals(100.0, first.get("compiledPercent").asDouble(), 0.0, first.toString());
    assertTrue(first.get("medianNs").asLong() > 0);
    assertTrue(Files.size(stats) > 0);

    out.reset();
    assertEquals(0, run("bench", "--engine", "runtime", "--jit-threshold", "0", "--warmup", "0", "--iterations", "1",
        examples().resolve("storageRefunds.json").toString()), errText());
    List<String> table = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertTrue(table.get(0).matches("suite\\s+name\\s+input\\s+engine\\s+gas used\\s+to compiled\\s+median ns\\s+Mgas/s\\s+compiled\\s*"),
        table.get(0));
    assertTrue(table.get(1).contains(" runs, "), table.get(1));
  }

  @Test
  void usageErrors() throws Exception {
    assertEquals(2, run("state-test", "--stats", dir.resolve("s.json").toString(), examples().toString()));
    assertTrue(errText().contains("--stats needs --engine runtime"), errText());
    err.reset();
    assertEquals(2, run("bench", "--stats", dir.resolve("s.json").toString(), examples().toString()));
    assertTrue(errText().contains("--stats needs --engine runtime"), errText());
    err.reset();
    assertEquals(2, run("state-test", "--engine", "runtime", "--jit-compiler", "nope", examples().toString()));
    assertTrue(errText().contains("unknown compiler 'nope'; known: asm, stub"), errText());
    err.reset();
    assertEquals(2, run("state-test", "--engine", "runtime", "--jit-threshold", "-1", examples().toString()));
    assertTrue(errText().contains("threshold must be >= 0"), errText());
    err.reset();
    assertEquals(2, run("state-test", "--jit-budget", "12x", examples().toString()));
    assertTrue(errText().contains("not a size in bytes"), errText());
  }

  @Test
  void helpListsEveryJitOption() {
    assertEquals(0, run("state-test", "--help"));
    String help = out.toString(StandardCharsets.UTF_8);
    for (String o : List.of("--jit-threshold", "--jit-workers", "--jit-budget", "--jit-queue", "--jit-pending",
        "--jit-compile-timeout", "--jit-idle-evict", "--jit-cold-entries", "--jit-failure-entries",
        "--jit-failure-backoff", "--jit-max-failure-backoff", "--jit-housekeeping", "--jit-disabled",
        "--jit-compiler", "--stats", "runtime")) {
      assertTrue(help.contains(o), o);
    }
    assertTrue(help.contains("'stub'"), "the stand-in compiler is labelled as such");
    assertFalse(help.contains("--jit-bench-limit"), "a bench-only option");
    assertTrue(help.contains("../shared/fixtures/ethereum-tests"), "the default suite's folder on one line: " + help);
    out.reset();
    assertEquals(0, run("bench", "--help"));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("--jit-bench-limit"));
  }

  @Test
  void sizesAndDurations() {
    JitOptions.ByteSizeConverter size = new JitOptions.ByteSizeConverter();
    assertEquals(65536L, size.convert("65536"));
    assertEquals(65536L, size.convert("64k"));
    assertEquals(64L << 20, size.convert("64MiB"));
    assertEquals(1L << 30, size.convert("1G"));
    assertThrows(TypeConversionException.class, () -> size.convert("-1"));
    JitOptions.DurationConverter d = new JitOptions.DurationConverter();
    assertEquals(Duration.ZERO, d.convert("0"));
    assertEquals(Duration.ofMillis(500), d.convert("500ms"));
    assertEquals(Duration.ofSeconds(10), d.convert("10s"));
    assertEquals(Duration.ofMinutes(5), d.convert("5m"));
    assertEquals(Duration.ofHours(1), d.convert("1h"));
    assertEquals(Duration.ofSeconds(10), d.convert("PT10S"));
    assertThrows(TypeConversionException.class, () -> d.convert("10"));
  }
}
