package org.evmjit.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.lmdbjava.Dbi;
import org.lmdbjava.Env;
import org.lmdbjava.LmdbException;
import org.lmdbjava.Txn;

/**
 * Runs every LMDB transaction of a store, so the rules LMDB sets are kept in one place:
 *
 * <ul>
 *   <li>One write transaction at a time ({@code writer} lock), committed by the thread that began
 *       it; a body that fills the map is rolled back, the map doubled, and the body run again.
 *       After a commit the data file is extended to its last used page, when LMDB left trailing
 *       free pages unwritten ({@link DataFileCheck}).
 *   <li>The map can only be resized while no transaction of this process is open: every
 *       transaction holds {@code mapLock} for reading, a resize holds it for writing.
 *   <li>Read transactions take one of {@link #READ_PERMITS} permits, fewer than the environment's
 *       {@link #MAX_READERS} reader slots (which other processes, such as {@code evmjit store
 *       stats} beside a node, share), so any number of threads may read without
 *       {@code MDB_READERS_FULL}. The environment is opened with {@code MDB_NOTLS}, so a slot
 *       belongs to a transaction, not to a thread, and is free again when it ends.
 *   <li>Another process may grow the map; a transaction then fails to begin with
 *       {@code MDB_MAP_RESIZED}, and the new size is adopted before trying again.
 * </ul>
 *
 * Values reach bodies as copied {@code byte[]} ({@code ByteArrayProxy}), so nothing of LMDB's
 * memory escapes a transaction. Bodies must not call back into the store: a read body holding
 * {@code mapLock} that started a write could deadlock a resize. LMDB failures come out as
 * {@link StoreUnavailableException}.
 */
final class Transactions implements AutoCloseable {
  static final int MAX_READERS = 126;
  static final int READ_PERMITS = 96;
  /** Growth stops here (1 TiB of address space); a write that still does not fit fails. */
  static final long MAX_MAP_BYTES = 1L << 40;
  /** Free space below which a failed write is reported as a full disk. */
  static final long LOW_DISK_BYTES = 16L << 20;

  private final Env<byte[]> env;
  private final Path directory;
  private final ReentrantLock writer = new ReentrantLock();
  private final ReentrantReadWriteLock mapLock = new ReentrantReadWriteLock();
  private final Semaphore readers = new Semaphore(READ_PERMITS);
  private volatile boolean closed;

  Transactions(Env<byte[]> env, Path directory) {
    this.env = env;
    this.directory = directory;
  }

  /** Runs {@code body} in a read transaction and returns what it returns. */
  <R> R read(Function<Txn<byte[]>, R> body) {
    readers.acquireUninterruptibly();
    try {
      while (true) {
        mapLock.readLock().lock();
        try {
          ensureOpen();
          try (Txn<byte[]> txn = env.txnRead()) {
            return body.apply(txn);
          }
        } catch (Dbi.MapResizedException e) {
          // another process grew the map: adopt its size below, then try again
        } catch (LmdbException e) {
          throw new StoreUnavailableException(directory, "read failed: " + e.getMessage(), e);
        } finally {
          mapLock.readLock().unlock();
        }
        resize(0);
      }
    } finally {
      readers.release();
    }
  }

  /**
   * Runs {@code body} in a write transaction and commits it: all of its changes or none. The
   * body may run more than once (after the map grew), so it must only act through {@code txn}.
   */
  <R> R write(Function<Txn<byte[]>, R> body) {
    writer.lock();
    try {
      while (true) {
        long next;
        mapLock.readLock().lock();
        try {
          ensureOpen();
          if (env.isReadOnly()) {
            throw new StoreUnavailableException(directory, "was opened read-only and cannot be written", null);
          }
          try (Txn<byte[]> txn = env.txnWrite()) {
            R result = body.apply(txn);
            txn.commit();
            coverLastPage();
            return result;
          }
        } catch (Env.MapFullException e) {
          next = env.info().mapSize * 2;
          if (next > MAX_MAP_BYTES) {
            throw new StoreUnavailableException(directory, "is full: the map would grow past " + MAX_MAP_BYTES
                + " bytes; set a disk budget or remove records (evmjit store gc)", e);
          }
        } catch (Dbi.MapResizedException e) {
          next = 0;
        } catch (LmdbException e) {
          throw new StoreUnavailableException(directory, "write failed: " + e.getMessage() + diskFull(), e);
        } finally {
          mapLock.readLock().unlock();
        }
        resize(next);
      }
    } finally {
      writer.unlock();
    }
  }

  /**
   * Why a write failed when the disk is the reason: LMDB reports a short write (a full disk) as
   * EIO, so the free space is looked at; empty when it is not low.
   */
  private String diskFull() {
    try {
      long free = Files.getFileStore(directory).getUsableSpace();
      if (free < LOW_DISK_BYTES) {
        return " (the disk holding the store is full: " + free + " bytes free; free space, or give the store a"
            + " disk budget)";
      }
    } catch (IOException e) {
      // no answer: the LMDB error stands alone
    }
    return "";
  }

  /** See {@link DataFileCheck#coverLastPage}; under the writer lock, after a commit. */
  private void coverLastPage() {
    try {
      DataFileCheck.coverLastPage(directory.resolve(StoreDirectory.DATA_FILE), env.info().lastPageNumber,
          env.stat().pageSize);
    } catch (IOException e) {
      throw new StoreUnavailableException(directory, "cannot extend " + StoreDirectory.DATA_FILE
          + " to its last page: " + e, e);
    }
  }

  /** The current map size in bytes. */
  long mapBytes() {
    mapLock.readLock().lock();
    try {
      ensureOpen();
      return env.info().mapSize;
    } finally {
      mapLock.readLock().unlock();
    }
  }

  /** Waits for open transactions to end, then closes the environment; later calls fail. */
  @Override
  public void close() {
    mapLock.writeLock().lock();
    try {
      if (!closed) {
        closed = true;
        env.close();
      }
    } finally {
      mapLock.writeLock().unlock();
    }
  }

  /** Sets the map size with no transaction open; 0 adopts the size another process set. */
  private void resize(long bytes) {
    mapLock.writeLock().lock();
    try {
      ensureOpen();
      env.setMapSize(bytes);
    } catch (LmdbException e) {
      throw new StoreUnavailableException(directory, "cannot resize the map to " + bytes + " bytes: " + e.getMessage(), e);
    } finally {
      mapLock.writeLock().unlock();
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new StoreUnavailableException(directory, "is closed", null);
    }
  }
}
