package org.evmjit.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.lmdbjava.Dbi;
import org.lmdbjava.DbiFlags;
import org.lmdbjava.Env;
import org.lmdbjava.Txn;

/**
 * The named databases of a store, each opened once when the store opens (opening one takes a
 * write transaction in LMDB), and the check that the environment is an evmjit store:
 *
 * <ul>
 *   <li>{@value #ARTIFACTS}: key ({@link KeyCodec}) → record ({@link RecordCodec});
 *   <li>{@value #INDEX}: the same key → {@link IndexEntry} (created, sizes);
 *   <li>{@value #HOTNESS}: the same key → calls (8 bytes), also for keys without a record;
 *   <li>{@value #QUARANTINE}: rejected records kept aside ({@link Quarantine});
 *   <li>{@value #META}: {@code store} = {@value #MARKER}, {@code format} = the store format
 *       version (4 bytes), {@code created} = epoch milliseconds (8 bytes), and the fingerprint
 *       names ({@link FingerprintNames}).
 * </ul>
 */
final class Databases {
  static final String ARTIFACTS = "artifacts";
  static final String INDEX = "index";
  static final String HOTNESS = "hotness";
  static final String QUARANTINE = "quarantine";
  static final String META = "meta";
  static final int MAX_DATABASES = 8;
  static final String MARKER = "evmjit-artifact-store";
  /** The layout of databases and meta; a store of another format is refused, not converted. */
  static final int STORE_FORMAT_VERSION = 1;

  private static final byte[] META_STORE = bytes("store");
  private static final byte[] META_FORMAT = bytes("format");
  private static final byte[] META_CREATED = bytes("created");
  private static final List<String> ALL = List.of(ARTIFACTS, INDEX, HOTNESS, QUARANTINE, META);

  final Dbi<byte[]> artifacts;
  final Dbi<byte[]> index;
  final Dbi<byte[]> hotness;
  final Dbi<byte[]> quarantine;
  final Dbi<byte[]> meta;

  private Databases(List<Dbi<byte[]>> dbis) {
    this.artifacts = dbis.get(0);
    this.index = dbis.get(1);
    this.hotness = dbis.get(2);
    this.quarantine = dbis.get(3);
    this.meta = dbis.get(4);
  }

  /**
   * Opens the databases of {@code env}; a new, empty environment opened for writing becomes a
   * store here. Anything else that is not a store of this format is refused.
   */
  static Databases open(Env<byte[]> env, Path directory, long nowMillis) {
    List<String> names = env.getDbiNames().stream().map(n -> new String(n, StandardCharsets.UTF_8)).toList();
    if (names.isEmpty() && env.isReadOnly()) {
      throw new StoreUnavailableException(directory, "holds an empty LMDB environment, not yet a store; a read-write"
          + " open makes it one", null);
    }
    if (!names.isEmpty() && !names.contains(META)) {
      throw notAStore(directory, "an LMDB environment with the databases " + names);
    }
    return env.isReadOnly() ? openReadOnly(env, directory) : openCreating(env, directory, names.isEmpty(), nowMillis);
  }

  private static Databases openReadOnly(Env<byte[]> env, Path directory) {
    Databases db = new Databases(ALL.stream().map(n -> env.openDbi(n)).toList());
    try (Txn<byte[]> txn = env.txnRead()) {
      db.checkMeta(txn, directory);
    }
    return db;
  }

  /**
   * Opens (creating any missing) every database in one write transaction; a new store gets its
   * meta. The transaction commits only once the meta is checked, so a foreign environment is
   * left as it was.
   */
  private static Databases openCreating(Env<byte[]> env, Path directory, boolean isNew, long nowMillis) {
    try (Txn<byte[]> txn = env.txnWrite()) {
      Databases db = new Databases(ALL.stream().map(n -> env.openDbi(txn, bytes(n), null, false, DbiFlags.MDB_CREATE))
          .toList());
      if (isNew) {
        db.meta.put(txn, META_STORE, bytes(MARKER));
        db.meta.put(txn, META_FORMAT, ByteBuffer.allocate(4).putInt(STORE_FORMAT_VERSION).array());
        db.meta.put(txn, META_CREATED, ByteBuffer.allocate(8).putLong(nowMillis).array());
      }
      db.checkMeta(txn, directory);
      txn.commit();
      return db;
    }
  }

  private void checkMeta(Txn<byte[]> txn, Path directory) {
    byte[] marker = meta.get(txn, META_STORE);
    if (marker == null || !Arrays.equals(marker, bytes(MARKER))) {
      throw notAStore(directory, "an LMDB environment whose meta database has no evmjit marker");
    }
    byte[] format = meta.get(txn, META_FORMAT);
    int version = format != null && format.length == 4 ? ByteBuffer.wrap(format).getInt() : -1;
    if (version != STORE_FORMAT_VERSION) {
      throw new StoreUnavailableException(directory, "has store format " + version + ", this evmjit reads format "
          + STORE_FORMAT_VERSION + ": use a new directory (or remove this one; its classes are compiled again)", null);
    }
  }

  static StoreUnavailableException notAStore(Path directory, String found) {
    return new StoreUnavailableException(directory, "is not an evmjit store: it holds " + found
        + "; give an empty or new directory", null);
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
