package org.evmjit.statetest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.evmjit.statetest.FixtureJson;
import org.evmjit.statetest.runner.Engine;
import org.evmjit.store.Artifact;
import org.evmjit.store.ArtifactKey;
import org.evmjit.store.LmdbArtifactStore;
import org.evmjit.store.StoreOptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code evmjit store stats|list|verify|gc|remove}, run in-process on a store the test writes. */
class StoreCommandTest {
  private static final String FP = "evmjit-asm/1.0/0123456789abcdef";
  private static final String OLD = "evmjit-asm/0.9";

  @TempDir Path dir;
  private Path store;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private static ArtifactKey key(int n, String fork, String fingerprint) {
    byte[] hash = new byte[32];
    hash[0] = (byte) n;
    hash[31] = (byte) 0xee;
    return new ArtifactKey(hash, fork, fingerprint);
  }

  private static String hashHex(int n) {
    return key(n, "Cancun", FP).codeHashHex();
  }

  private static Artifact artifact(ArtifactKey key, int classBytes) {
    byte[] c = new byte[classBytes];
    c[0] = (byte) 0xCA;
    c[1] = (byte) 0xFE;
    c[2] = (byte) 0xBA;
    c[3] = (byte) 0xBE;
    c[7] = 65;
    return new Artifact(key, 10, 1_700_000_000_000L, "org/evmjit/gen/C", c);
  }

  @BeforeEach
  void writeStore() {
    store = dir.resolve("store");
    try (LmdbArtifactStore s = LmdbArtifactStore.open(store, StoreOptions.defaults())) {
      s.putAll(List.of(artifact(key(1, "Cancun", FP), 1000), artifact(key(2, "Cancun", FP), 2000),
          artifact(key(1, "Shanghai", FP), 500), artifact(key(1, "Cancun", OLD), 700)));
      s.addCalls(Map.of(key(2, "Cancun", FP), 42L));
    }
  }

  private int run(String... args) {
    out.reset();
    err.reset();
    Io io = new Io(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        new ByteArrayInputStream(new byte[0]), false);
    return Main.run(io, Engine::newExecutor, args);
  }

  private List<String> outLines() {
    return out.toString(StandardCharsets.UTF_8).lines().toList();
  }

  private String errText() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private void damage(ArtifactKey key) {
    try (LmdbArtifactStore s = LmdbArtifactStore.open(store, StoreOptions.defaults())) {
      byte[] raw = s.readRawForTesting(key);
      raw[raw.length - 1] ^= 1;
      s.putRawForTesting(key, raw);
    }
  }

  @Test
  void statsAsTextAndJson() throws Exception {
    assertEquals(0, run("store", "stats", "--store", store.toString()), errText());
    String line = outLines().get(0);
    assertTrue(line.startsWith(store + ": 4 records, 4,200 class bytes, 1 hotness entries, 0 quarantined; data file "),
        line);
    assertEquals(0, run("store", "stats", "--json", "--store", store.toString()), errText());
    JsonNode j = FixtureJson.MAPPER.readTree(outLines().get(0));
    assertEquals(4, j.get("records").asInt());
    assertEquals(4200, j.get("classBytes").asLong());
    assertEquals(1, j.get("hotnessEntries").asInt());
    assertEquals(StoreOptions.DEFAULT_INITIAL_MAP_BYTES, j.get("mapBytes").asLong());
    assertTrue(j.get("diskBytes").asLong() > 4200);
  }

  @Test
  void listPrintsOneLinePerRecord() {
    assertEquals(0, run("store", "list", "--store", store.toString()), errText());
    List<String> lines = outLines();
    assertEquals(5, lines.size(), lines.toString());
    assertEquals("4 records, 4,200 class bytes", lines.get(4));
    String hot = lines.stream().filter(l -> l.startsWith("0x" + hashHex(2))).findFirst().orElseThrow();
    assertTrue(hot.matches("0x" + hashHex(2) + " Cancun +evmjit-as\\.\\.\\.89abcdef +2,000 B +42 calls  "
        + "2023-11-14T22:13:20Z"), hot);
    assertEquals(0, run("store", "list", "--fork", "Shanghai", "--store", store.toString()));
    assertEquals(2, outLines().size());
    assertTrue(outLines().get(0).contains(" Shanghai "), outLines().get(0));
  }

  @Test
  void verifyReportsBadRecordsAndRepairs() {
    assertEquals(0, run("store", "verify", "--store", store.toString()), errText());
    assertEquals(List.of("4 checked, 4 good, 0 bad"), outLines());
    damage(key(2, "Cancun", FP));
    assertEquals(1, run("store", "verify", "--store", store.toString()));
    List<String> lines = outLines();
    assertEquals(2, lines.size());
    assertTrue(lines.get(0).startsWith("BAD 0x" + hashHex(2) + " Cancun evmjit-as...89abcdef: CONTENT_HASH: content hash:"
        + " expected 0x"), lines.get(0));
    assertEquals("4 checked, 3 good, 1 bad", lines.get(1));
    assertEquals(1, run("store", "verify", "--repair", "--store", store.toString()));
    assertEquals("4 checked, 3 good, 1 bad (moved to the quarantine)", outLines().get(1));
    assertEquals(0, run("store", "verify", "--store", store.toString()));
    assertEquals(List.of("3 checked, 3 good, 0 bad"), outLines());
  }

  @Test
  void gcKeepsOneFingerprintAndABudget() {
    assertEquals(0, run("store", "gc", "--keep-fingerprint", FP, "--store", store.toString()), errText());
    assertTrue(outLines().get(0).startsWith("removed 1 records of other fingerprints and 0 over the budget; "),
        outLines().get(0));
    // left: 1,000 + 2,000 (hot) + 500 class bytes, each with its header and key; 2,300 bytes keep only the hot one
    assertEquals(0, run("store", "gc", "--budget", "2300", "--store", store.toString()), errText());
    assertTrue(outLines().get(0).startsWith("removed 0 records of other fingerprints and 2 over the budget; "),
        outLines().get(0));
    run("store", "list", "--store", store.toString());
    assertEquals(2, outLines().size(), "the hot record is left");
    assertTrue(outLines().get(0).startsWith("0x" + hashHex(2)), outLines().get(0));
  }

  @Test
  void removeTakesACodeHashOfEveryFingerprint() {
    assertEquals(0, run("store", "remove", "--code-hash", hashHex(1), "--fork", "Cancun", "--store", store.toString()),
        errText());
    assertEquals(2, outLines().size(), "both fingerprints' Cancun records: " + outLines());
    assertTrue(outLines().stream().allMatch(l -> l.startsWith("removed 0x" + hashHex(1) + " Cancun ")));
    assertEquals(0, run("store", "remove", "--code-hash", "0x" + hashHex(1), "--store", store.toString()));
    assertEquals(List.of("removed 0x" + hashHex(1) + " Shanghai evmjit-as...89abcdef"), outLines());
    assertEquals(1, run("store", "remove", "--code-hash", hashHex(1), "--store", store.toString()));
    assertEquals("evmjit: no record of code hash 0x" + hashHex(1) + "\n", errText());
  }

  @Test
  void errorsAreOneLineNamingTheOptionWithExitTwo() throws Exception {
    Path missing = dir.resolve("missing");
    assertEquals(2, run("store", "stats", "--store", missing.toString()));
    assertEquals("evmjit: --store " + missing + ": does not exist, so there is no store to read: check the path\n",
        errText());
    assertEquals(2, run("store", "gc", "--budget", "1M", "--store", missing.toString()));
    assertTrue(Files.notExists(missing), "store commands never create a store");

    assertEquals(2, run("store", "remove", "--code-hash", "0x12zz", "--store", store.toString()));
    assertTrue(errText().startsWith("evmjit: Invalid value for option '--code-hash': '0x12zz' is not a code hash:"
        + " expected 64 hex digits (32 bytes), found 4\n"), errText());
    assertEquals(2, run("store", "gc", "--store", store.toString()));
    assertTrue(errText().startsWith("evmjit: give --keep-fingerprint FP, --budget BYTES, or both\n"), errText());
    assertEquals(2, run("store", "gc", "--budget", "12x", "--store", store.toString()));
    assertTrue(errText().contains("'12x' is not a size in bytes"), errText());
    assertEquals(2, run("store", "list"));
    assertTrue(errText().contains("Missing required option: '--store=DIR'"), errText());

    try (LmdbArtifactStore writer = LmdbArtifactStore.open(store, StoreOptions.defaults())) {
      assertEquals(2, run("store", "gc", "--keep-fingerprint", FP, "--store", store.toString()));
      assertTrue(errText().startsWith("evmjit: --store " + store + ": is locked: another process"), errText());
      assertEquals(1, errText().lines().count());
    }
  }

  @Test
  void storeAloneShowsItsCommands() {
    assertEquals(2, run("store"));
    for (String c : List.of("stats", "list", "verify", "gc", "remove")) {
      assertTrue(errText().contains("  " + c + " "), c);
    }
  }
}
