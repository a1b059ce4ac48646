package org.evmjit.store;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Compiled classes on disk, keyed by {@link ArtifactKey}. Every write is one transaction, so a
 * crash leaves a record whole or absent. Every read verifies the record (header exactly,
 * content hash of the class bytes) before handing it out; a record that fails is taken out of
 * the store and reported as {@link LoadResult.Rejected}, never thrown, so one damaged record
 * never stops a load. Thread-safe.
 */
public interface ArtifactStore extends AutoCloseable {

  /** The store's directory. */
  Path directory();

  /** Writes {@code artifacts} in one transaction, replacing records with the same keys. */
  void putAll(Collection<Artifact> artifacts);

  /** Reads and verifies the record of {@code key}; null when there is none. */
  LoadResult get(ArtifactKey key);

  /**
   * Reads and verifies every record of {@code fork} made by {@code fingerprint}, hottest first
   * (by recorded calls, then newest), stopping once the loaded class bytes would pass
   * {@code maxClassBytes}; each result goes to {@code sink} as it is read. Records of other
   * fingerprints are not touched here ({@link #gc} removes them). Returns how many were loaded.
   */
  int loadAll(String fork, String fingerprint, long maxClassBytes, Consumer<LoadResult> sink);

  /** Adds observed call counts to the hotness of each key (one transaction); keys without an artifact are kept too, so an offline compile knows the hot set. */
  void addCalls(Map<ArtifactKey, Long> calls);

  /**
   * Takes a record out of the artifacts because a later check failed (the JVM refused the class:
   * {@link RejectReason#CLASS_DEFINE}); counted like the store's own rejections.
   */
  void reject(ArtifactKey key, RejectReason reason, String detail);

  /** Removes the record of {@code key}; false when there was none. */
  boolean remove(ArtifactKey key);

  /** One line per record (without class bytes), in key order. */
  List<RecordInfo> list();

  /** Checks every record as a load would; {@code repair} removes the bad ones. */
  VerifyReport verify(boolean repair);

  /**
   * Removes records of fingerprints other than {@code keepFingerprint} (when not null), then the
   * coldest records until the store's data is within {@code diskBudgetBytes} (0: no budget).
   */
  GcReport gc(String keepFingerprint, long diskBudgetBytes);

  /** Counts, sizes and the rejections since the store was opened, by reason. */
  StoreStats stats();

  /** Flushes and releases the environment; further calls fail. */
  @Override
  void close();

  /** A record's header, as {@code store list} shows it. */
  record RecordInfo(ArtifactKey key, int formatVersion, int classFileVersion, int codeLength, long createdMillis,
      String className, int classBytes, long calls) {}

  /** What {@link #verify} found: records checked, good, and the bad ones with reason and detail. */
  record VerifyReport(int checked, int good, List<LoadResult.Rejected> bad, boolean repaired) {}

  /** What {@link #gc} removed. */
  record GcReport(int removedOtherFingerprint, int removedForBudget, long bytesBefore, long bytesAfter) {}

  /**
   * @param records artifacts stored
   * @param classBytes their class bytes in all
   * @param hotnessEntries keys with recorded calls
   * @param diskBytes size of the data file
   * @param mapBytes current LMDB map size
   * @param rejected rejections since open, by reason
   */
  record StoreStats(int records, long classBytes, int hotnessEntries, long diskBytes, long mapBytes,
      Map<RejectReason, Long> rejected) {}
}
