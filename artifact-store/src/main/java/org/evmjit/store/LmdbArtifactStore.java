package org.evmjit.store;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.lmdbjava.ByteArrayProxy;
import org.lmdbjava.CursorIterable;
import org.lmdbjava.Dbi;
import org.lmdbjava.Env;
import org.lmdbjava.EnvFlags;
import org.lmdbjava.KeyRange;
import org.lmdbjava.LmdbException;
import org.lmdbjava.Txn;

/**
 * The {@link ArtifactStore} on LMDB (lmdbjava with its {@code byte[]} proxy, which needs no
 * {@code --add-opens}, so it runs inside a Besu plugin as is).
 *
 * <p>Layout: records are in the {@code artifacts} database under keys made by {@link KeyCodec}
 * (fingerprint digest, fork, code hash), in the format of {@link RecordCodec}; beside them an
 * {@code index} of their sizes and creation times, {@code hotness} (calls per key),
 * {@code quarantine} and {@code meta} ({@link Databases}). The README of this module describes
 * the formats and the guarantees.
 *
 * <p>Guarantees: every write is one LMDB transaction (a crash leaves it whole or absent); every
 * read verifies the record ({@link RecordCodec#decode}) and a record that fails is moved to the
 * quarantine (when the store is writable), counted, and returned as
 * {@link LoadResult.Rejected}, never thrown. The map starts at
 * {@link StoreOptions#initialMapBytes()} and doubles when a write fills it. Any number of threads
 * may use the store ({@link Transactions} bounds LMDB's reader slots). One process opens a
 * store for writing (a lock file); read-only opens work beside it. A disk budget removes the
 * coldest records after each {@link #putAll}.
 */
public final class LmdbArtifactStore implements ArtifactStore {
  private final StoreDirectory directory;
  private final StoreOptions options;
  private final Transactions txns;
  private final Databases db;
  private final FingerprintNames fingerprints;
  private final Quarantine quarantine;
  private final RejectCounters rejected = new RejectCounters();

  private LmdbArtifactStore(StoreDirectory directory, StoreOptions options, Transactions txns, Databases db) {
    this.directory = directory;
    this.options = options;
    this.txns = txns;
    this.db = db;
    this.fingerprints = new FingerprintNames(db.meta);
    this.quarantine = new Quarantine(db.quarantine);
  }

  /**
   * Opens the store in {@code directory}, creating the directory and the store when missing
   * (unless read-only).
   *
   * @throws StoreUnavailableException when it cannot be: not a directory, not writable, locked
   *     by another process, not an evmjit store, LMDB unavailable; the message says which and
   *     what to do
   */
  public static LmdbArtifactStore open(Path directory, StoreOptions options) {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(options, "options");
    StoreDirectory dir = StoreDirectory.claim(directory, options.readOnly());
    Env<byte[]> env = null;
    try {
      env = openEnvironment(directory, options);
      Databases db = Databases.open(env, directory, System.currentTimeMillis());
      return new LmdbArtifactStore(dir, options, new Transactions(env, directory), db);
    } catch (LmdbException e) {
      closeAfterFailedOpen(env, dir);
      if (e instanceof Env.FileInvalidException || e instanceof Env.VersionMismatchException) {
        throw Databases.notAStore(directory, "a " + StoreDirectory.DATA_FILE + " that is not an LMDB file of this"
            + " LMDB version (" + e.getMessage() + ")");
      }
      throw new StoreUnavailableException(directory, "cannot be opened: " + e.getMessage(), e);
    } catch (LinkageError e) {
      closeAfterFailedOpen(env, dir);
      throw new StoreUnavailableException(directory, "cannot be opened: LMDB's native library does not load ("
          + e + ")", e);
    } catch (RuntimeException e) {
      closeAfterFailedOpen(env, dir);
      throw e;
    }
  }

  private static Env<byte[]> openEnvironment(Path directory, StoreOptions options) {
    EnvFlags[] flags = options.readOnly()
        ? new EnvFlags[] {EnvFlags.MDB_NOTLS, EnvFlags.MDB_RDONLY_ENV}
        : new EnvFlags[] {EnvFlags.MDB_NOTLS};
    Env<byte[]> env = Env.create(ByteArrayProxy.PROXY_BA)
        .setMapSize(options.initialMapBytes())
        .setMaxDbs(Databases.MAX_DATABASES)
        .setMaxReaders(Transactions.MAX_READERS)
        .open(directory.toFile(), flags);
    try {
      env.setMapSize(0); // the size a run before this one grew the map to, when larger
      if (env.info().mapSize < options.initialMapBytes()) {
        env.setMapSize(options.initialMapBytes());
      }
      if (!options.readOnly()) {
        env.readerCheck(); // frees reader slots of processes that died
      }
      return env;
    } catch (RuntimeException e) {
      env.close();
      throw e;
    }
  }

  private static void closeAfterFailedOpen(Env<byte[]> env, StoreDirectory dir) {
    if (env != null && !env.isClosed()) {
      env.close();
    }
    dir.close();
  }

  @Override
  public Path directory() {
    return directory.path();
  }

  @Override
  public void putAll(Collection<Artifact> artifacts) {
    List<Encoded> encoded = artifacts.stream()
        .map(a -> new Encoded(KeyCodec.encode(a.key()), RecordCodec.encode(a), a.key().fingerprint())).toList();
    txns.write(txn -> {
      for (Encoded e : encoded) {
        writeRecord(txn, e.key(), e.record(), e.fingerprint());
      }
      if (options.diskBudgetBytes() > 0) {
        removeColdest(txn, ranked(txn, null), options.diskBudgetBytes());
      }
      return null;
    });
  }

  @Override
  public LoadResult get(ArtifactKey key) {
    byte[] k = KeyCodec.encode(key);
    Stored stored = txns.read(txn -> {
      byte[] record = db.artifacts.get(txn, k);
      return record == null ? null : new Stored(record, calls(txn, k));
    });
    return stored == null ? null : checked(key, k, stored.record(), stored.calls());
  }

  @Override
  public int loadAll(String fork, String fingerprint, long maxClassBytes, Consumer<LoadResult> sink) {
    if (maxClassBytes < 0) {
      throw new IllegalArgumentException("maxClassBytes < 0: " + maxClassBytes);
    }
    byte[] prefix = KeyCodec.prefix(fingerprint, fork);
    List<RankedRecord> hottestFirst = new ArrayList<>(txns.read(txn -> ranked(txn, prefix)));
    hottestFirst.sort(RankedRecord.HOTTEST_FIRST);
    long loadedBytes = 0;
    int loaded = 0;
    for (RankedRecord r : hottestFirst) {
      if (loadedBytes + r.entry().classBytes() > maxClassBytes) {
        break;
      }
      // One short transaction per record: the sink runs outside any transaction, so it may
      // call back into the store (reject a class the JVM refused) and readers never wait long.
      byte[] record = txns.read(txn -> db.artifacts.get(txn, r.key()));
      if (record == null) {
        continue; // removed since the index was read
      }
      LoadResult result = checked(new ArtifactKey(KeyCodec.codeHashOf(r.key()), fork, fingerprint), r.key(), record,
          r.calls());
      if (result instanceof LoadResult.Loaded l) {
        loadedBytes += l.artifact().classBytes().length;
        loaded++;
      }
      sink.accept(result);
    }
    return loaded;
  }

  @Override
  public void addCalls(Map<ArtifactKey, Long> calls) {
    calls.forEach((key, n) -> {
      if (n == null || n < 0) {
        throw new IllegalArgumentException("calls of " + key + " must be >= 0, not " + n);
      }
    });
    if (calls.isEmpty()) {
      return;
    }
    txns.write(txn -> {
      calls.forEach((key, n) -> {
        byte[] k = KeyCodec.encode(key);
        long total = calls(txn, k) + n;
        db.hotness.put(txn, k, ByteBuffer.allocate(8).putLong(total < 0 ? Long.MAX_VALUE : total).array());
        fingerprints.register(txn, key.fingerprint());
      });
      return null;
    });
  }

  @Override
  public void reject(ArtifactKey key, RejectReason reason, String detail) {
    takeOut(KeyCodec.encode(key), null, reason, detail);
  }

  @Override
  public boolean remove(ArtifactKey key) {
    byte[] k = KeyCodec.encode(key);
    return txns.write(txn -> deleteRecord(txn, k));
  }

  @Override
  public List<RecordInfo> list() {
    return txns.read(txn -> {
      List<RecordInfo> out = new ArrayList<>();
      try (CursorIterable<byte[]> records = db.artifacts.iterate(txn)) {
        for (CursorIterable.KeyVal<byte[]> kv : records) {
          ArtifactKey key = fingerprints.decodeKey(txn, kv.key());
          if (key != null) { // a key that does not decode is for verify to report
            out.add(info(key, kv.val(), calls(txn, kv.key())));
          }
        }
      }
      return out;
    });
  }

  @Override
  public VerifyReport verify(boolean repair) {
    StoreCheck check = txns.read(txn -> StoreCheck.run(txn, db, fingerprints));
    check.bad().forEach(b -> rejected.count(b.rejected().reason()));
    if (repair) {
      txns.write(txn -> {
        long now = System.currentTimeMillis();
        for (StoreCheck.Bad b : check.bad()) {
          byte[] current = db.artifacts.get(txn, b.key());
          if (current != null && Arrays.equals(current, b.record())) { // not replaced since
            quarantine.add(txn, b.key(), current, b.rejected().reason(), b.rejected().detail(), now);
            deleteRecord(txn, b.key());
          }
        }
        check.indexFixes().forEach(f -> db.index.put(txn, f.key(), f.entry().encode()));
        check.orphanIndexKeys().forEach(k -> db.index.delete(txn, k));
        return null;
      });
    }
    List<LoadResult.Rejected> bad = check.bad().stream().map(StoreCheck.Bad::rejected).toList();
    return new VerifyReport(check.checked(), check.checked() - bad.size(), bad, repair);
  }

  @Override
  public GcReport gc(String keepFingerprint, long diskBudgetBytes) {
    if (diskBudgetBytes < 0) {
      throw new IllegalArgumentException("diskBudgetBytes < 0: " + diskBudgetBytes);
    }
    return txns.write(txn -> {
      List<RankedRecord> records = ranked(txn, null);
      long before = RankedRecord.totalBytes(records);
      int otherFingerprint = 0;
      if (keepFingerprint != null) {
        byte[] keep = KeyCodec.fingerprintDigest(keepFingerprint);
        List<RankedRecord> kept = new ArrayList<>();
        for (RankedRecord r : records) {
          if (KeyCodec.startsWith(r.key(), keep)) {
            kept.add(r);
          } else {
            deleteRecord(txn, r.key());
            otherFingerprint++;
          }
        }
        records = kept;
        deleteKeysNotStartingWith(txn, db.hotness, keep);
        fingerprints.forgetAllBut(txn, keep);
      }
      int forBudget = diskBudgetBytes > 0 ? removeColdest(txn, records, diskBudgetBytes).size() : 0;
      return new GcReport(otherFingerprint, forBudget, before, RankedRecord.totalBytes(ranked(txn, null)));
    });
  }

  @Override
  public StoreStats stats() {
    Counts counts = txns.read(txn -> new Counts((int) db.artifacts.stat(txn).entries,
        ranked(txn, null).stream().mapToLong(r -> r.entry().classBytes()).sum(), (int) db.hotness.stat(txn).entries));
    return new StoreStats(counts.records(), counts.classBytes(), counts.hotnessEntries(), directory.dataBytes(),
        txns.mapBytes(), rejected.snapshot());
  }

  /** Rejected records kept aside now (at most {@value Quarantine#MAX_ENTRIES}). */
  public int quarantined() {
    return txns.read(quarantine::size);
  }

  /** Whether this store was opened read-only. */
  public boolean readOnly() {
    return options.readOnly();
  }

  /**
   * For fault tests and tools: stores {@code recordBytes} under {@code key} as they are, without
   * encoding or checks (with an index entry as far as the header can be read), so a test can
   * store a flipped, truncated or foreign record and see how loads treat it.
   */
  public void putRawForTesting(ArtifactKey key, byte[] recordBytes) {
    byte[] k = KeyCodec.encode(key);
    byte[] copy = recordBytes.clone();
    txns.write(txn -> {
      writeRecord(txn, k, copy, key.fingerprint());
      return null;
    });
  }

  /** For fault tests and tools: the record bytes stored under {@code key}, unchecked; null when none. */
  public byte[] readRawForTesting(ArtifactKey key) {
    byte[] k = KeyCodec.encode(key);
    return txns.read(txn -> db.artifacts.get(txn, k));
  }

  @Override
  public void close() {
    try {
      txns.close();
    } finally {
      directory.close();
    }
  }

  private void writeRecord(Txn<byte[]> txn, byte[] key, byte[] record, String fingerprint) {
    db.artifacts.put(txn, key, record);
    db.index.put(txn, key, IndexEntry.of(key, record).encode());
    fingerprints.register(txn, fingerprint);
  }

  private boolean deleteRecord(Txn<byte[]> txn, byte[] key) {
    boolean existed = db.artifacts.delete(txn, key);
    db.index.delete(txn, key);
    return existed;
  }

  /** Verifies a record read under {@code key}; a rejected one is taken out. */
  private LoadResult checked(ArtifactKey key, byte[] k, byte[] record, long calls) {
    LoadResult result = RecordCodec.decode(key, record, calls);
    if (result instanceof LoadResult.Rejected r) {
      takeOut(k, record, r.reason(), r.detail());
    }
    return result;
  }

  /**
   * Counts a rejection and, in a writable store, moves the record to the quarantine: only if it
   * is still {@code seen} (null: whatever is stored), so a good record written meanwhile stays.
   */
  private void takeOut(byte[] k, byte[] seen, RejectReason reason, String detail) {
    rejected.count(reason);
    if (options.readOnly()) {
      return;
    }
    try {
      txns.write(txn -> {
        byte[] current = db.artifacts.get(txn, k);
        if (current != null && (seen == null || Arrays.equals(current, seen))) {
          quarantine.add(txn, k, current, reason, detail, System.currentTimeMillis());
          deleteRecord(txn, k);
        }
        return null;
      });
    } catch (StoreUnavailableException e) {
      // The rejection stands and is counted; the record stays until a later load or verify --repair.
    }
  }

  /** Every indexed record whose key starts with {@code prefix} (null: all), with its calls, in key order. */
  private List<RankedRecord> ranked(Txn<byte[]> txn, byte[] prefix) {
    List<RankedRecord> out = new ArrayList<>();
    KeyRange<byte[]> range = prefix == null ? KeyRange.all() : KeyRange.atLeast(prefix);
    try (CursorIterable<byte[]> entries = db.index.iterate(txn, range)) {
      for (CursorIterable.KeyVal<byte[]> kv : entries) {
        if (prefix != null && !KeyCodec.startsWith(kv.key(), prefix)) {
          break;
        }
        IndexEntry e = IndexEntry.decode(kv.val());
        out.add(new RankedRecord(kv.key(), calls(txn, kv.key()), e != null ? e : new IndexEntry(0, 0, 0)));
      }
    }
    return out;
  }

  /** Removes the coldest of {@code records} until the rest fit {@code budgetBytes}; returns those removed. */
  private List<RankedRecord> removeColdest(Txn<byte[]> txn, List<RankedRecord> records, long budgetBytes) {
    List<RankedRecord> remove = RankedRecord.coldestOverBudget(records, budgetBytes);
    remove.forEach(r -> deleteRecord(txn, r.key()));
    return remove;
  }

  private static void deleteKeysNotStartingWith(Txn<byte[]> txn, Dbi<byte[]> dbi, byte[] prefix) {
    List<byte[]> other = new ArrayList<>();
    try (CursorIterable<byte[]> entries = dbi.iterate(txn)) {
      for (CursorIterable.KeyVal<byte[]> kv : entries) {
        if (!KeyCodec.startsWith(kv.key(), prefix)) {
          other.add(kv.key());
        }
      }
    }
    other.forEach(k -> dbi.delete(txn, k));
  }

  private long calls(Txn<byte[]> txn, byte[] key) {
    byte[] v = db.hotness.get(txn, key);
    return v == null || v.length != 8 ? 0 : ByteBuffer.wrap(v).getLong();
  }

  private static RecordInfo info(ArtifactKey key, byte[] record, long calls) {
    try {
      RecordHeader h = RecordCodec.readHeader(record);
      return new RecordInfo(key, h.formatVersion(), h.classFileVersion(), h.codeLength(), h.createdMillis(),
          h.className(), h.classBytesLength(), calls);
    } catch (RecordCodec.Malformed e) {
      return new RecordInfo(key, -1, -1, 0, 0, "unreadable: " + e.reason, 0, calls);
    }
  }

  private record Encoded(byte[] key, byte[] record, String fingerprint) {}

  private record Stored(byte[] record, long calls) {}

  private record Counts(int records, long classBytes, int hotnessEntries) {}
}
