package org.evmjit.statetest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.evmjit.statetest.FixtureJson;
import org.evmjit.statetest.SharedPaths;
import org.evmjit.store.Artifact;
import org.evmjit.store.ArtifactKey;
import org.evmjit.store.ArtifactStore;
import org.evmjit.store.LmdbArtifactStore;
import org.evmjit.store.RecordCodec;
import org.evmjit.store.StoreOptions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code state-test --engine runtime --jit-threshold 0 --store DIR} on part of the Cancun
 * GeneralStateTests, run twice in this process: the second run preloads what the first stored,
 * compiles nothing that was stored, and gives the same results; damaged records are rejected with
 * their reason and nothing else is lost; an unusable directory leaves the run in memory. Skipped
 * without the shared fixtures.
 */
class StoreEndToEndTest {
  private static final String ROOT = "fixtures/ethereum-tests/GeneralStateTests";
  /** About 1,100 Cancun entries: calls, creates, reverts, return data, logs. */
  private static final List<String> RESTART_FOLDERS = List.of("stCallCodes", "stCreate2", "stRevertTest",
      "stReturnDataTest", "stExtCodeHash", "stSystemOperationsTest", "stLogTests", "stSelfBalance", "stInitCodeTest",
      "stCallCreateCallCodeTest");
  /** About 460 entries, for the fault test. */
  private static final List<String> FAULT_FOLDERS = List.of("stCreate2", "stRevertTest");

  @TempDir Path dir;

  private static List<String> folders(List<String> names) {
    Path root = SharedPaths.find(ROOT).orElse(null);
    Assumptions.assumeTrue(root != null, () -> "shared fixtures absent: no " + ROOT + " under any of "
        + SharedPaths.candidates() + "; set -D" + SharedPaths.PROPERTY + "=/path/to/shared");
    return names.stream().map(n -> root.resolve(n).toString()).toList();
  }

  /** A runtime run with the store; returns the run and its statistics. */
  private Run run(Path store, List<String> folders, String name) throws Exception {
    Path stats = dir.resolve(name + ".json");
    List<String> args = new ArrayList<>(List.of("state-test", "--engine", "runtime", "--jit-threshold", "0",
        "--jit-workers", "1", "--workers", "2", "--fork", "Cancun", "--json", "--store", store.toString(),
        "--stats", stats.toString()));
    args.addAll(folders);
    CliRun r = CliRun.of(args.toArray(String[]::new));
    assertEquals(0, r.status(), r.toString());
    return new Run(r, FixtureJson.MAPPER.readTree(Files.readString(stats)));
  }

  private record Run(CliRun cli, JsonNode stats) {
    JsonNode store() {
      return stats.get("store");
    }

    long storeLong(String field) {
      return store().get(field).asLong();
    }

    /** Every entry's result without its time: what must not change between runs. */
    List<String> results() {
      return cli.outLines().stream().filter(l -> l.startsWith("{")).map(l -> {
        try {
          ObjectNode o = (ObjectNode) FixtureJson.MAPPER.readTree(l);
          o.remove("time");
          return o.toString();
        } catch (Exception e) {
          throw new AssertionError(l, e);
        }
      }).sorted().toList();
    }
  }

  private static Set<ArtifactKey> keys(Path store) {
    try (ArtifactStore s = LmdbArtifactStore.open(store, StoreOptions.defaults())) {
      Set<ArtifactKey> keys = new HashSet<>();
      s.list().forEach(r -> keys.add(r.key()));
      return keys;
    }
  }

  @Test
  void aSecondRunPreloadsWhatTheFirstStoredAndCompilesNoneOfIt() throws Exception {
    List<String> folders = folders(RESTART_FOLDERS);
    Path store = dir.resolve("store");
    Run first = run(store, folders, "first");
    assertEquals(0, first.storeLong("preloaded"));
    long compiled = first.stats.at("/compilations/succeeded").asLong();
    assertTrue(compiled > 100, "threshold 0 compiles the code of every entry: " + compiled);
    Set<ArtifactKey> stored = keys(store);
    // a compile that finished during the shutdown is written although its result was discarded
    assertEquals(first.storeLong("persisted"), stored.size(), first.store().toString());
    assertTrue(stored.size() >= compiled, stored.size() + " stored, " + compiled + " compiled");

    Run second = run(store, folders, "second");
    assertEquals(stored.size(), second.storeLong("preloaded"), second.store().toString());
    // defined in the background; the run ends by waiting for the runtime to settle
    assertEquals(stored.size(), second.storeLong("preloadDefined"), "every class defined in the background");
    assertEquals(0, second.store().at("/rejected/CLASS_DEFINE").asLong());
    Set<ArtifactKey> after = keys(store);
    long fresh = second.storeLong("persisted");
    assertEquals(stored.size() + fresh, after.size(), "every compile of the second run was of code not stored");
    assertTrue(after.containsAll(stored));
    // fresh compiles are of code the first run never compiled (promotions deferred while 128 jobs
    // waited, jobs dropped at the end); how many depends on the machine's speed, so only this holds:
    // every lookup that found compiled code in the first run finds it from the start in the second
    long hits1 = first.stats.at("/lookups/hits").asLong();
    long hits2 = second.stats.at("/lookups/hits").asLong();
    assertTrue(hits2 > hits1, "hits: " + hits1 + " then " + hits2);
    assertEquals(first.results(), second.results(), "the same results");
    assertTrue(first.results().size() > 1000, "entries: " + first.results().size());
    assertTrue(second.cli.err().contains("store: " + String.format("%,d", stored.size()) + " preloaded"),
        second.cli.err());
  }

  @Test
  void damagedRecordsAreRejectedWithTheirReasonAndNothingElseIsLost() throws Exception {
    List<String> folders = folders(FAULT_FOLDERS);
    Path store = dir.resolve("store");
    Run first = run(store, folders, "first");
    Set<ArtifactKey> stored = keys(store);
    assertTrue(stored.size() > 10, stored.size() + " stored");
    List<ArtifactKey> damaged = damage(store, stored);

    Run second = run(store, folders, "second");
    JsonNode rejected = second.store().get("rejected");
    assertEquals(1, rejected.get("CONTENT_HASH").asLong(), second.store().toString());
    assertEquals(1, rejected.get("TRUNCATED").asLong(), second.store().toString());
    assertEquals(1, rejected.get("FINGERPRINT").asLong(), second.store().toString());
    assertEquals(1, rejected.get("CLASS_DEFINE").asLong(), second.store().toString());
    assertEquals(stored.size() - 3, second.storeLong("preloaded"), "the store's checks refused three");
    assertEquals(first.results(), second.results(), "the same results");
    Set<ArtifactKey> after = keys(store);
    Set<ArtifactKey> undamaged = new HashSet<>(stored);
    damaged.forEach(undamaged::remove);
    assertTrue(after.containsAll(undamaged), "nothing else lost");
  }

  /** Damages four records: a flipped class byte, a truncation, another fingerprint in the header, a class the JVM refuses. */
  private static List<ArtifactKey> damage(Path store, Set<ArtifactKey> stored) {
    List<ArtifactKey> keys = stored.stream().sorted((a, b) -> a.codeHashHex().compareTo(b.codeHashHex())).limit(4).toList();
    try (LmdbArtifactStore s = LmdbArtifactStore.open(store, StoreOptions.defaults())) {
      byte[] flipped = s.readRawForTesting(keys.get(0));
      flipped[flipped.length - 20] ^= 0x01;
      s.putRawForTesting(keys.get(0), flipped);

      byte[] whole = s.readRawForTesting(keys.get(1));
      s.putRawForTesting(keys.get(1), Arrays.copyOf(whole, whole.length - 100));

      Artifact a = loaded(s, keys.get(2));
      ArtifactKey other = new ArtifactKey(a.key().codeHash(), a.key().fork(), "another-compiler");
      s.putRawForTesting(keys.get(2), RecordCodec.encode(new Artifact(other, a.codeLength(), a.createdMillis(),
          a.className(), a.classBytes())));

      Artifact b = loaded(s, keys.get(3));
      byte[] half = Arrays.copyOf(b.classBytes(), b.classBytes().length / 2); // passes the store's checks
      s.putAll(List.of(new Artifact(b.key(), b.codeLength(), b.createdMillis(), b.className(), half)));
    }
    return keys;
  }

  private static Artifact loaded(ArtifactStore s, ArtifactKey key) {
    var r = s.get(key);
    assertNotNull(r, key.toString());
    return ((org.evmjit.store.LoadResult.Loaded) r).artifact();
  }

  @Test
  void anUnusableStoreDirectoryIsAWarningAndTheRunPassesInMemory() throws Exception {
    Path notADirectory = Files.writeString(dir.resolve("file"), "not a store");
    Path stats = dir.resolve("stats.json");
    CliRun r = CliRun.of("state-test", "--engine", "runtime", "--jit-threshold", "0", "--store", notADirectory.toString(),
        "--stats", stats.toString(), examples().toString());
    assertEquals(0, r.status(), r.toString());
    assertTrue(r.err().contains("evmjit: warning: artifact store unavailable, running in memory only: " + notADirectory),
        r.err());
    assertEquals(1, Stream.of(r.err().split("\n")).filter(l -> l.contains("warning")).count(), r.err());
    assertTrue(r.err().contains("; store unavailable"), r.err());
    JsonNode s = FixtureJson.MAPPER.readTree(Files.readString(stats));
    assertTrue(s.at("/store/unavailable").asText().contains("is a file, not a directory"), s.toString());
    // the runtime served the run without its store; the run ends by waiting for it to settle
    assertTrue(s.at("/lookups/total").asLong() > 0, "the runtime answered lookups");
    assertTrue(s.at("/compilations/succeeded").asLong() > 0, "compiled in memory: " + s);
    assertEquals(0, s.at("/store/persisted").asLong(), s.toString());
  }

  @Test
  void storeOptionsNeedTheRuntimeEngineAndACompilerWithClasses() throws Exception {
    String store = dir.resolve("s").toString();
    CliRun r = CliRun.of("state-test", "--store", store, examples().toString());
    assertEquals(2, r.status());
    assertTrue(r.err().contains("--store needs --engine runtime"), r.err());
    r = CliRun.of("bench", "--engine", "interpreter", "--store", store, examples().resolve("arithmetic.json").toString());
    assertEquals(2, r.status());
    assertTrue(r.err().contains("--store needs --engine runtime"), r.err());
    r = CliRun.of("state-test", "--engine", "runtime", "--store-budget", "1M", examples().toString());
    assertEquals(2, r.status());
    assertTrue(r.err().contains("--store-budget needs --store"), r.err());
    r = CliRun.of("state-test", "--engine", "runtime", "--jit-compiler", "stub", "--store", store, examples().toString());
    assertEquals(2, r.status());
    assertTrue(r.err().contains("--store needs a compiler that generates classes; 'stub' generates none"), r.err());
  }

  private static Path examples() throws Exception {
    return Path.of(StoreEndToEndTest.class.getResource("/org/evmjit/statetest/examples/arithmetic.json").toURI())
        .getParent();
  }
}
