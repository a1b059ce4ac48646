package org.evmjit.store;

import static org.evmjit.store.TestArtifacts.FINGERPRINT;
import static org.evmjit.store.TestArtifacts.FORK;
import static org.evmjit.store.TestArtifacts.artifact;
import static org.evmjit.store.TestArtifacts.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** verify, gc and the disk budget. */
class StoreMaintenanceTest {
  private static final String OTHER = "older-compiler/0";

  @TempDir Path dir;
  private LmdbArtifactStore store;

  private LmdbArtifactStore open(StoreOptions options) {
    store = LmdbArtifactStore.open(dir.resolve("store"), options);
    return store;
  }

  @AfterEach
  void close() {
    store.close();
  }

  /** Record bytes as the budget counts them: key and value. */
  private static long recordBytes(Artifact a) {
    return KeyCodec.encode(a.key()).length + RecordCodec.encode(a).length;
  }

  private Set<ArtifactKey> keys() {
    return store.list().stream().map(ArtifactStore.RecordInfo::key).collect(Collectors.toSet());
  }

  private void damage(ArtifactKey key) {
    byte[] raw = store.readRawForTesting(key);
    raw[raw.length / 2] ^= 1;
    store.putRawForTesting(key, raw);
  }

  @Test
  void verifyReportsBadRecordsAndRepairRemovesThem() {
    open(StoreOptions.defaults()).putAll(List.of(artifact(1), artifact(2), artifact(3)));
    damage(key(2));
    store.putRawForTesting(key(3), new byte[] {'E', 'J'});

    ArtifactStore.VerifyReport report = store.verify(false);
    assertEquals(3, report.checked());
    assertEquals(1, report.good());
    assertFalse(report.repaired());
    assertEquals(Map.of(key(2), RejectReason.CONTENT_HASH, key(3), RejectReason.TRUNCATED),
        report.bad().stream().collect(Collectors.toMap(LoadResult.Rejected::key, LoadResult.Rejected::reason)));
    assertEquals(3, store.list().size(), "without repair nothing changes");
    assertEquals(0, store.quarantined());

    ArtifactStore.VerifyReport repaired = store.verify(true);
    assertTrue(repaired.repaired());
    assertEquals(2, repaired.bad().size());
    assertEquals(Set.of(key(1)), keys());
    assertEquals(2, store.quarantined());
    assertEquals(new ArtifactStore.VerifyReport(1, 1, List.of(), false), store.verify(false));
  }

  @Test
  void gcRemovesOtherFingerprintsWithTheirHotness() {
    open(StoreOptions.defaults());
    store.putAll(List.of(artifact(1), artifact(2), artifact(key(3, FORK, OTHER), 500, 1),
        artifact(key(4, "Shanghai", OTHER), 500, 1)));
    store.addCalls(Map.of(key(1), 1L, key(3, FORK, OTHER), 5L, key(9, FORK, OTHER), 5L));
    assertEquals(4, store.list().size());

    ArtifactStore.GcReport report = store.gc(FINGERPRINT, 0);
    assertEquals(2, report.removedOtherFingerprint());
    assertEquals(0, report.removedForBudget());
    assertTrue(report.bytesAfter() < report.bytesBefore());
    assertEquals(Set.of(key(1), key(2)), keys());
    assertEquals(1, store.stats().hotnessEntries());
    assertNull(store.get(key(3, FORK, OTHER)));
    assertEquals(0, store.quarantined(), "gc is not a rejection");
  }

  @Test
  void gcByBudgetRemovesTheColdestFirst() {
    open(StoreOptions.defaults());
    List<Artifact> all = IntStream.rangeClosed(1, 6).mapToObj(i -> artifact(key(i), 1000, i)).toList();
    store.putAll(all);
    store.addCalls(Map.of(key(1), 50L, key(2), 40L, key(6), 1L));
    long three = all.stream().limit(3).mapToLong(StoreMaintenanceTest::recordBytes).sum();

    ArtifactStore.GcReport report = store.gc(null, three);
    assertEquals(3, report.removedForBudget());
    assertEquals(0, report.removedOtherFingerprint());
    assertEquals(all.stream().mapToLong(StoreMaintenanceTest::recordBytes).sum(), report.bytesBefore());
    assertTrue(report.bytesAfter() <= three, report.toString());
    // kept: the two with most calls, then the one with calls over the uncalled; of those 0-call ones the oldest go
    assertEquals(Set.of(key(1), key(2), key(6)), keys());
  }

  @Test
  void theDiskBudgetHoldsAfterEveryPut() {
    Artifact sample = artifact(key(1), 2000, 1);
    long budget = 4 * recordBytes(sample) + 100;
    open(StoreOptions.defaults().withDiskBudget(budget));
    store.putAll(List.of(artifact(key(1), 2000, 1)));
    store.addCalls(Map.of(key(1), 100L));
    for (int i = 2; i <= 10; i++) {
      store.putAll(List.of(artifact(key(i), 2000, i)));
      long bytes = store.gc(null, 0).bytesBefore(); // gc without fingerprint or budget only measures
      assertTrue(bytes <= budget, bytes + " > " + budget);
    }
    Set<ArtifactKey> kept = keys();
    assertEquals(4, kept.size());
    assertTrue(kept.contains(key(1)), "the hot record survives");
    assertTrue(kept.contains(key(10)), "newest of the cold ones survive: " + kept);
    assertEquals(4, store.verify(false).good());
  }

  @Test
  void gcOnAnEmptyStore() {
    assertEquals(new ArtifactStore.GcReport(0, 0, 0, 0), open(StoreOptions.defaults()).gc("x", 1));
  }

  @Test
  void statsCountRecordsBytesAndHotness() {
    open(StoreOptions.defaults());
    store.putAll(List.of(artifact(key(1), 1000, 1), artifact(key(2), 3000, 2)));
    store.addCalls(Map.of(key(7), 1L));
    ArtifactStore.StoreStats s = store.stats();
    assertEquals(2, s.records());
    assertEquals(4000, s.classBytes());
    assertEquals(1, s.hotnessEntries());
    assertTrue(s.diskBytes() > 4000, "data.mdb holds the records");
    assertEquals(StoreOptions.DEFAULT_INITIAL_MAP_BYTES, s.mapBytes());
    assertEquals(RejectReason.values().length, s.rejected().size());
    assertTrue(s.rejected().values().stream().allMatch(n -> n == 0));
    List<LoadResult> none = new ArrayList<>();
    assertEquals(0, store.loadAll(FORK, "unknown", Long.MAX_VALUE, none::add));
    assertInstanceOf(LoadResult.Loaded.class, store.get(key(2)));
  }
}
