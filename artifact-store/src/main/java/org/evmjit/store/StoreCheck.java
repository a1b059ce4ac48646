package org.evmjit.store;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.lmdbjava.CursorIterable;
import org.lmdbjava.Txn;

/**
 * What {@code verify} finds in one read transaction: every record checked as a load would check
 * it, index entries that disagree with their record, and index entries without a record. It
 * changes nothing; {@code verify --repair} acts on it.
 *
 * @param checked records looked at
 * @param bad the records that failed, with the bytes seen (a repair removes a record only if it still has them)
 * @param indexFixes index entries to write so the index agrees with the records
 * @param orphanIndexKeys index keys without a record
 */
record StoreCheck(int checked, List<Bad> bad, List<IndexFix> indexFixes, List<byte[]> orphanIndexKeys) {

  record Bad(byte[] key, byte[] record, LoadResult.Rejected rejected) {}

  record IndexFix(byte[] key, IndexEntry entry) {}

  static StoreCheck run(Txn<byte[]> txn, Databases db, FingerprintNames names) {
    int checked = 0;
    List<Bad> bad = new ArrayList<>();
    List<IndexFix> fixes = new ArrayList<>();
    Set<ByteBuffer> recordKeys = new HashSet<>();
    try (CursorIterable<byte[]> records = db.artifacts.iterate(txn)) {
      for (CursorIterable.KeyVal<byte[]> kv : records) {
        checked++;
        byte[] k = kv.key();
        byte[] record = kv.val();
        recordKeys.add(ByteBuffer.wrap(k));
        LoadResult.Rejected rejected = check(k, names.decodeKey(txn, k), record);
        if (rejected != null) {
          bad.add(new Bad(k, record, rejected));
          continue;
        }
        IndexEntry expected = IndexEntry.of(k, record);
        if (!expected.equals(IndexEntry.decode(db.index.get(txn, k)))) {
          fixes.add(new IndexFix(k, expected));
        }
      }
    }
    List<byte[]> orphans = new ArrayList<>();
    try (CursorIterable<byte[]> entries = db.index.iterate(txn)) {
      for (CursorIterable.KeyVal<byte[]> kv : entries) {
        if (!recordKeys.contains(ByteBuffer.wrap(kv.key()))) {
          orphans.add(kv.key());
        }
      }
    }
    return new StoreCheck(checked, bad, fixes, orphans);
  }

  /** The rejection of {@code record} under key bytes {@code k} ({@code key}: decoded, or null); null when it is good. */
  private static LoadResult.Rejected check(byte[] k, ArtifactKey key, byte[] record) {
    if (key == null) {
      return new LoadResult.Rejected(null, RejectReason.KEY_MISMATCH, "key " + KeyCodec.hex(k) + ": "
          + (KeyCodec.wellFormed(k) ? "the store does not know the name of its fingerprint digest"
              : "not a key of this store's layout"));
    }
    return RecordCodec.decode(key, record, 0) instanceof LoadResult.Rejected r ? r : null;
  }
}
