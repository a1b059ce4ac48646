package org.evmjit.store;

import static org.evmjit.store.TestArtifacts.FINGERPRINT;
import static org.evmjit.store.TestArtifacts.FORK;
import static org.evmjit.store.TestArtifacts.artifact;
import static org.evmjit.store.TestArtifacts.key;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing, reading, loading in order, replacing, removing and listing records. */
class LmdbArtifactStoreTest {
  @TempDir Path dir;
  private LmdbArtifactStore store;

  @BeforeEach
  void open() {
    store = LmdbArtifactStore.open(dir.resolve("store"), StoreOptions.defaults());
  }

  @AfterEach
  void close() {
    store.close();
  }

  private List<LoadResult> loadAll(long maxClassBytes) {
    List<LoadResult> out = new ArrayList<>();
    int loaded = store.loadAll(FORK, FINGERPRINT, maxClassBytes, out::add);
    assertEquals(out.stream().filter(r -> r instanceof LoadResult.Loaded).count(), loaded);
    return out;
  }

  private static ArtifactKey keyOf(LoadResult r) {
    return r instanceof LoadResult.Loaded l ? l.artifact().key() : ((LoadResult.Rejected) r).key();
  }

  @Test
  void putThenGet() {
    Artifact a = artifact(1);
    store.putAll(List.of(a));
    LoadResult.Loaded loaded = assertInstanceOf(LoadResult.Loaded.class, store.get(a.key()));
    assertEquals(a.key(), loaded.artifact().key());
    assertEquals(a.className(), loaded.artifact().className());
    assertEquals(a.createdMillis(), loaded.artifact().createdMillis());
    assertArrayEquals(a.classBytes(), loaded.artifact().classBytes());
    assertEquals(0, loaded.calls());
    assertNull(store.get(key(2)));
    assertNull(store.get(key(1, "Shanghai", FINGERPRINT)));
    assertNull(store.get(key(1, FORK, "another-compiler")));
  }

  @Test
  void loadAllGivesHottestFirstThenNewest() {
    long t = 1_000_000;
    store.putAll(List.of(
        artifact(key(1), 500, t + 1), artifact(key(2), 500, t + 2), artifact(key(3), 500, t + 3),
        artifact(key(4), 500, t + 4),
        artifact(key(5, "Shanghai", FINGERPRINT), 500, t), artifact(key(6, FORK, "another-compiler"), 500, t)));
    store.addCalls(Map.of(key(1), 10L, key(3), 10L, key(2), 99L, key(5, "Shanghai", FINGERPRINT), 1000L));
    List<LoadResult> results = loadAll(Long.MAX_VALUE);
    assertEquals(List.of(key(2), key(3), key(1), key(4)), results.stream().map(LmdbArtifactStoreTest::keyOf).toList());
    assertEquals(List.of(99L, 10L, 10L, 0L),
        results.stream().map(r -> ((LoadResult.Loaded) r).calls()).toList());
  }

  @Test
  void loadAllStopsBeforeTheByteLimit() {
    for (int i = 1; i <= 4; i++) {
      store.putAll(List.of(artifact(key(i), 1000, i)));
    }
    assertEquals(2, loadAll(2999).size());
    assertEquals(3, loadAll(3000).size());
    assertEquals(0, loadAll(999).size());
    assertEquals(4, loadAll(Long.MAX_VALUE).size());
  }

  @Test
  void loadAllRejectsADamagedRecordAndGoesOn() {
    store.putAll(List.of(artifact(1), artifact(2), artifact(3)));
    byte[] damaged = store.readRawForTesting(key(2));
    damaged[damaged.length - 1] ^= 0x40;
    store.putRawForTesting(key(2), damaged);

    List<LoadResult> results = loadAll(Long.MAX_VALUE);
    assertEquals(3, results.size());
    List<LoadResult.Rejected> rejected = results.stream().filter(r -> r instanceof LoadResult.Rejected)
        .map(r -> (LoadResult.Rejected) r).toList();
    assertEquals(1, rejected.size());
    assertEquals(key(2), rejected.get(0).key());
    assertEquals(RejectReason.CONTENT_HASH, rejected.get(0).reason());

    assertNull(store.get(key(2)), "a rejected record is taken out");
    assertEquals(1, store.quarantined());
    assertEquals(2, loadAll(Long.MAX_VALUE).size());
    assertEquals(1L, store.stats().rejected().get(RejectReason.CONTENT_HASH));
  }

  @Test
  void getRejectsRecordsThatDoNotBelongUnderTheirKey() {
    store.putRawForTesting(key(1), RecordCodec.encode(artifact(9))); // another code's record
    store.putRawForTesting(key(2), RecordCodec.encode(artifact(key(2, FORK, "another-compiler"), 100, 1)));
    store.putRawForTesting(key(3), Arrays.copyOf(RecordCodec.encode(artifact(3)), 40));
    store.putRawForTesting(key(4), "not a record".getBytes());

    assertEquals(RejectReason.KEY_MISMATCH, assertInstanceOf(LoadResult.Rejected.class, store.get(key(1))).reason());
    assertEquals(RejectReason.FINGERPRINT, assertInstanceOf(LoadResult.Rejected.class, store.get(key(2))).reason());
    assertEquals(RejectReason.TRUNCATED, assertInstanceOf(LoadResult.Rejected.class, store.get(key(3))).reason());
    assertEquals(RejectReason.BAD_MAGIC, assertInstanceOf(LoadResult.Rejected.class, store.get(key(4))).reason());
    for (int i = 1; i <= 4; i++) {
      assertNull(store.get(key(i)));
      assertNull(store.readRawForTesting(key(i)));
    }
    Map<RejectReason, Long> counts = store.stats().rejected();
    assertEquals(1L, counts.get(RejectReason.KEY_MISMATCH));
    assertEquals(1L, counts.get(RejectReason.FINGERPRINT));
    assertEquals(1L, counts.get(RejectReason.TRUNCATED));
    assertEquals(1L, counts.get(RejectReason.BAD_MAGIC));
    assertEquals(0L, counts.get(RejectReason.CONTENT_HASH));
    assertEquals(4, store.quarantined());
  }

  @Test
  void replaceKeepsTheNewRecordOnly() {
    store.putAll(List.of(artifact(key(1), 1000, 1)));
    Artifact newer = artifact(key(1), 2000, 2);
    store.putAll(List.of(newer));
    LoadResult.Loaded loaded = assertInstanceOf(LoadResult.Loaded.class, store.get(key(1)));
    assertArrayEquals(newer.classBytes(), loaded.artifact().classBytes());
    assertEquals(1, store.list().size());
    assertEquals(1, store.stats().records());
    assertEquals(2000, store.stats().classBytes());
  }

  @Test
  void removeTakesTheRecordOut() {
    store.putAll(List.of(artifact(1), artifact(2)));
    assertTrue(store.remove(key(1)));
    assertFalse(store.remove(key(1)));
    assertNull(store.get(key(1)));
    assertEquals(List.of(key(2)), store.list().stream().map(ArtifactStore.RecordInfo::key).toList());
    assertEquals(0, store.quarantined(), "removing is not rejecting");
  }

  @Test
  void listShowsEveryHeader() {
    Artifact a = artifact(key(1), 1234, 1_700_000_000_000L);
    store.putAll(List.of(a, artifact(key(2, "Shanghai", "another-compiler"), 10, 5)));
    store.addCalls(Map.of(key(1), 7L));
    List<ArtifactStore.RecordInfo> list = store.list();
    assertEquals(2, list.size());
    ArtifactStore.RecordInfo info = list.stream().filter(i -> i.key().equals(key(1))).findFirst().orElseThrow();
    assertEquals(new ArtifactStore.RecordInfo(key(1), RecordCodec.FORMAT_VERSION, TestArtifacts.JAVA_21, a.codeLength(),
        a.createdMillis(), a.className(), 1234, 7), info);
  }

  @Test
  void callsAddUpAndAreKeptForKeysWithoutRecords() {
    store.addCalls(Map.of(key(1), 5L, key(2), 1L));
    store.addCalls(Map.of(key(1), 6L));
    assertEquals(2, store.stats().hotnessEntries());
    assertEquals(0, store.stats().records());
    store.putAll(List.of(artifact(1)));
    assertEquals(11, assertInstanceOf(LoadResult.Loaded.class, store.get(key(1))).calls());
  }

  @Test
  void aClassTheJvmRefusedIsTakenOut() {
    store.putAll(List.of(artifact(1)));
    store.reject(key(1), RejectReason.CLASS_DEFINE, "VerifyError: bad stack map");
    assertNull(store.get(key(1)));
    assertEquals(1, store.quarantined());
    assertEquals(1L, store.stats().rejected().get(RejectReason.CLASS_DEFINE));
  }

  @Test
  void theQuarantineIsBounded() {
    for (int i = 0; i < Quarantine.MAX_ENTRIES + 10; i++) {
      store.putRawForTesting(key(i), new byte[] {1, 2, 3});
      assertInstanceOf(LoadResult.Rejected.class, store.get(key(i)));
    }
    assertEquals(Quarantine.MAX_ENTRIES, store.quarantined());
    assertEquals(Quarantine.MAX_ENTRIES + 10L, store.stats().rejected().get(RejectReason.TRUNCATED));
  }

  @Test
  void reopeningKeepsRecordsAndCalls() {
    store.putAll(List.of(artifact(1), artifact(2)));
    store.addCalls(Map.of(key(2), 3L));
    store.close();
    store = LmdbArtifactStore.open(dir.resolve("store"), StoreOptions.defaults());
    assertEquals(3, assertInstanceOf(LoadResult.Loaded.class, store.get(key(2))).calls());
    assertEquals(2, store.list().size());
  }
}
