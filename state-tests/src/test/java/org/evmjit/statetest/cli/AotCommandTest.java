package org.evmjit.statetest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.evmjit.statetest.FixtureJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code evmjit aot} on the bundled examples and bytecode files, then a runtime run that preloads what it stored. */
class AotCommandTest {
  private static final Pattern COMPILED = Pattern.compile("aot: (\\d+) compiled, (\\d+) skipped");

  @TempDir Path dir;

  private static Path examples() throws Exception {
    return Path.of(AotCommandTest.class.getResource("/org/evmjit/statetest/examples/arithmetic.json").toURI()).getParent();
  }

  private static long compiled(CliRun r) {
    Matcher m = COMPILED.matcher(r.lastLine());
    assertTrue(m.find(), r.toString());
    return Long.parseLong(m.group(1));
  }

  @Test
  void compilesEveryCodeOnceAndSkipsWhatIsStoredTheSecondTime() throws Exception {
    Path store = dir.resolve("store");
    Path bytecode = dir.resolve("code");
    Files.createDirectories(bytecode.resolve("nested"));
    Files.writeString(bytecode.resolve("add.hex"), "0x6001600201\n");
    Files.writeString(bytecode.resolve("nested/solc.bin"), "6002600301600055");
    Files.write(bytecode.resolve("nested/raw.bin"), new byte[] {0x60, 0x05, 0x60, 0x06, 0x02, 0x00});

    CliRun first = CliRun.of("aot", "--store", store.toString(), "--workers", "2", "--fork", "Cancun",
        "--fork", "London", examples().toString(), bytecode.toString()); // bench runs the examples under London
    assertEquals(0, first.status(), first.toString());
    long compiled = compiled(first);
    assertTrue(compiled >= 2 * (3 + 5), "three bytecode files and the examples' contracts, two forks: " + first);
    assertTrue(first.lastLine().contains(" 0 failed"), first.lastLine());
    assertTrue(first.lastLine().matches(".*; [\\d,]+ contracts/s; [\\d,]+ class bytes"), first.lastLine());

    CliRun second = CliRun.of("aot", "--store", store.toString(), "--fork", "Cancun,London", examples().toString(),
        bytecode.toString());
    assertEquals(0, second.status(), second.toString());
    assertEquals(0, compiled(second));
    assertTrue(second.lastLine().contains(compiled + " already stored"), second.lastLine());

    Path stats = dir.resolve("stats.json");
    CliRun run = CliRun.of("state-test", "--engine", "runtime", "--store", store.toString(), "--stats", stats.toString(),
        examples().toString());
    assertEquals(0, run.status(), run.toString());
    JsonNode s = FixtureJson.MAPPER.readTree(Files.readString(stats)).get("store");
    assertEquals(compiled, s.get("preloaded").asLong(), s.toString()); // no --fork: every fork
    assertTrue(run.err().matches("(?s).*evmjit: store " + Pattern.quote(store.toString()) + " \\(opened in [\\d,]+ ms\\): preloaded .*"), run.err());
    assertTrue(run.err().contains("; store: "), run.err());

    CliRun bench = CliRun.of("bench", "--engine", "runtime", "--store", store.toString(), "--warmup", "0",
        "--iterations", "1", examples().resolve("storageRefunds.json").toString());
    assertEquals(0, bench.status(), bench.toString());
    assertTrue(bench.out().contains("already"), "the benchmark contract was preloaded: " + bench.out());
  }

  @Test
  void compilesForPragueAndOsakaUnderTheirOwnNames() throws Exception {
    Path store = dir.resolve("store");
    Path clz = dir.resolve("clz.hex");
    Files.writeString(clz, "0x60ff1e60005260206000f3\n"); // CLZ: an opcode from Osaka
    CliRun aot = CliRun.of("aot", "--store", store.toString(), "--fork", "Prague,Osaka", clz.toString());
    assertEquals(0, aot.status(), aot.toString());
    assertEquals(2, compiled(aot), aot.toString());
    for (String fork : new String[] {"Prague", "Osaka"}) {
      CliRun list = CliRun.of("store", "list", "--store", store.toString(), "--fork", fork);
      assertEquals(0, list.status(), list.toString());
      assertTrue(list.out().contains(" " + fork + " ") && list.lastLine().startsWith("1 records"), list.toString());
    }
  }

  @Test
  void badInputsAreNamedCountedAsFailedAndTheRunGoesOn() throws Exception {
    Path store = dir.resolve("store");
    Files.writeString(dir.resolve("bad.hex"), "0x60zz");
    Files.writeString(dir.resolve("odd.hex"), "0x600");
    Files.writeString(dir.resolve("broken.json"), "{ \"t\": { \"env\": ");
    Files.writeString(dir.resolve("field.json"), FixtureJson.MAPPER.writeValueAsString(
        FixtureJson.MAPPER.createObjectNode().set("t", badCodeTest())));
    Files.writeString(dir.resolve("good.hex"), "600160020100");
    CliRun r = CliRun.of("aot", "--store", store.toString(), "--fork", "London,Cancun", dir.toString());
    assertEquals(1, r.status(), r.toString());
    assertTrue(r.err().contains("bad.hex: bad hex"), r.err());
    assertTrue(r.err().contains("odd.hex: bad hex: odd number of digits"), r.err());
    assertTrue(r.err().contains("broken.json: invalid JSON"), r.err());
    assertTrue(r.err().contains("field.json: t: pre." + FixtureJson.CONTRACT + ".code"), r.err());
    assertEquals(2, compiled(r), "good.hex for London and Cancun");
    assertTrue(r.lastLine().contains(" 4 failed"), r.lastLine());
  }

  private static JsonNode badCodeTest() {
    var t = FixtureJson.test();
    ((com.fasterxml.jackson.databind.node.ObjectNode) t.get("pre").get(FixtureJson.CONTRACT)).put("code", "0xabc");
    return t;
  }

  @Test
  void usage() {
    CliRun r = CliRun.of("aot", dir.toString());
    assertEquals(2, r.status());
    assertTrue(r.err().contains("Missing required option: '--store=DIR'"), r.err());
    r = CliRun.of("aot", "--store", dir.resolve("s").toString(), "--fork", "Nope", dir.toString());
    assertEquals(2, r.status());
    assertTrue(r.err().contains("unknown fork 'Nope'"), r.err());
  }
}
