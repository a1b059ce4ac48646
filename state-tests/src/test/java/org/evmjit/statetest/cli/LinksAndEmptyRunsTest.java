package org.evmjit.statetest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Directories given as symbolic links are searched like any directory (the README tells users to
 * link the fixture folders), a link back up the tree is not followed round, and a run that finds
 * nothing to run says so and exits non-zero: {@code state-test}, {@code aot} and {@code bench}.
 */
class LinksAndEmptyRunsTest {
  @TempDir Path dir;
  private Path real;
  private Path link;

  @BeforeEach
  void linkTheExamples() throws Exception {
    real = dir.resolve("real");
    Files.createDirectories(real.resolve("nested"));
    Path examples = Path.of(getClass().getResource("/org/evmjit/statetest/examples/arithmetic.json").toURI()).getParent();
    Files.copy(examples.resolve("arithmetic.json"), real.resolve("arithmetic.json"));
    Files.copy(examples.resolve("callsAndLogs.json"), real.resolve("nested/callsAndLogs.json"));
    Files.createSymbolicLink(real.resolve("nested/loop"), real); // nested/loop/nested/loop/... back to real
    link = Files.createSymbolicLink(dir.resolve("link"), real);
  }

  @Test
  void stateTestSearchesALinkedDirectoryOnceDespiteTheLoop() {
    CliRun viaLink = CliRun.of("state-test", link.toString());
    CliRun direct = CliRun.of("state-test", real.toString());
    assertEquals(0, viaLink.status(), viaLink.toString());
    assertTrue(viaLink.lastLine().matches("[1-9]\\d* passed, 0 failed, 0 skipped"), viaLink.toString());
    assertEquals(direct.lastLine(), viaLink.lastLine(), "each file once, whatever way the folder is named");
  }

  @Test
  void aotCompilesFromALinkedDirectory() {
    CliRun r = CliRun.of("aot", "--store", dir.resolve("store").toString(), link.toString());
    assertEquals(0, r.status(), r.toString());
    assertTrue(r.lastLine().matches("aot: [1-9][\\d,]* compiled.*"), r.toString());
  }

  @Test
  void benchRunsALinkedDirectory() {
    CliRun r = CliRun.of("bench", "--warmup", "0", "--iterations", "1", "--json", link.toString());
    assertTrue(r.outLines().stream().anyMatch(l -> l.contains("\"name\":\"arithmetic\"")), r.toString());
  }

  @Test
  void runsThatFindNothingSaySoAndFail() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    CliRun stateTest = CliRun.of("state-test", empty.toString());
    assertEquals(1, stateTest.status(), stateTest.toString());
    assertTrue(stateTest.err().contains("no test found: 0 files under"), stateTest.toString());

    CliRun stdin = CliRun.of("state-test"); // CliRun's standard input is empty
    assertEquals(1, stdin.status(), stdin.toString());
    assertTrue(stdin.err().contains("no test found: standard input named 0 files"), stdin.toString());

    CliRun filtered = CliRun.of("state-test", "--run", "no-such-test", real.toString());
    assertEquals(1, filtered.status(), filtered.toString());
    assertTrue(filtered.err().contains("no entry in them matched"), filtered.toString());

    CliRun bench = CliRun.of("bench", empty.toString());
    assertEquals(1, bench.status(), bench.toString());
    assertTrue(bench.err().contains("no benchmark found: 0 files under"), bench.toString());

    CliRun aot = CliRun.of("aot", "--store", dir.resolve("store").toString(), empty.toString());
    assertEquals(1, aot.status(), aot.toString());
    assertTrue(aot.err().contains("no input found under"), aot.toString());
  }
}
