package org.evmjit.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The directory of a store, checked before LMDB sees it, and the claims on it:
 *
 * <ul>
 *   <li>It must be a directory; a read-write open creates it when missing.
 *   <li>A directory without {@code data.mdb} that holds other files is not taken over.
 *   <li>A read-write open takes an exclusive lock on {@value #LOCK_FILE}, so one process writes a
 *       store at a time; read-only opens take no lock and may run beside the writer (LMDB lets
 *       readers of other processes see committed data).
 *   <li>LMDB forbids opening one environment twice in one process (closing either breaks its
 *       locks), so a second open of the same directory in this JVM is refused.
 *   <li>A {@value #DATA_FILE} shorter than its meta pages claim (truncated) is refused before
 *       LMDB maps it ({@link DataFileCheck}): reading a page past its end would kill the JVM.
 * </ul>
 *
 * Every refusal is a {@link StoreUnavailableException} naming the directory and what to do.
 */
final class StoreDirectory implements AutoCloseable {
  static final String LOCK_FILE = "evmjit-store.lock";
  static final String DATA_FILE = "data.mdb";
  private static final Set<String> STORE_FILES = Set.of(DATA_FILE, "lock.mdb", LOCK_FILE);
  private static final Set<Path> OPEN_IN_THIS_PROCESS = ConcurrentHashMap.newKeySet();

  private final Path directory;
  private final Path realPath;
  private final FileChannel lockChannel;

  private StoreDirectory(Path directory, Path realPath, FileChannel lockChannel) {
    this.directory = directory;
    this.realPath = realPath;
    this.lockChannel = lockChannel;
  }

  /**
   * Checks {@code directory} and claims it. A read-write open creates a missing directory unless
   * {@code mustHoldStore}; read-only opens, and opens that must hold a store, need
   * {@value #DATA_FILE} to exist.
   */
  static StoreDirectory claim(Path directory, boolean readOnly, boolean mustHoldStore) {
    checkUsable(directory, readOnly, mustHoldStore);
    Path real;
    try {
      real = directory.toRealPath();
    } catch (IOException e) {
      throw new StoreUnavailableException(directory, "cannot be resolved: " + e, e);
    }
    // Checked before the lock file is opened: closing a second channel on it would drop this
    // process's lock (POSIX locks belong to the process, not to the channel).
    if (!OPEN_IN_THIS_PROCESS.add(real)) {
      throw readOnly
          ? new StoreUnavailableException(directory, "is already open in this process; LMDB allows one open"
              + " environment per store and process: use the store object that has it open", null)
          : locked(directory);
    }
    StoreDirectory claimed = null;
    try {
      claimed = new StoreDirectory(directory, real, readOnly ? null : lockForWriting(directory));
      if (Files.exists(claimed.dataFile())) {
        DataFileCheck.check(directory, claimed.dataFile());
      }
      return claimed;
    } catch (RuntimeException e) {
      closeQuietly(claimed == null ? null : claimed.lockChannel);
      OPEN_IN_THIS_PROCESS.remove(real);
      throw e;
    }
  }

  Path path() {
    return directory;
  }

  Path dataFile() {
    return directory.resolve(DATA_FILE);
  }

  /** Size of the data file; 0 when it cannot be read. */
  long dataBytes() {
    try {
      return Files.size(dataFile());
    } catch (IOException e) {
      return 0;
    }
  }

  /** Releases the lock and the claim. */
  @Override
  public void close() {
    closeQuietly(lockChannel);
    OPEN_IN_THIS_PROCESS.remove(realPath);
  }

  private static void checkUsable(Path directory, boolean readOnly, boolean mustHoldStore) {
    if (Files.exists(directory) && !Files.isDirectory(directory)) {
      throw new StoreUnavailableException(directory, "is a file, not a directory: give a directory for the store"
          + " (it is created when missing)", null);
    }
    if (!Files.exists(directory)) {
      if (readOnly || mustHoldStore) {
        throw new StoreUnavailableException(directory, "does not exist, so there is no store to read: check the path", null);
      }
      try {
        Files.createDirectories(directory);
      } catch (IOException e) {
        throw new StoreUnavailableException(directory, "cannot be created (" + e + "): give a directory that exists"
            + " or can be created", e);
      }
    }
    if (!readOnly && !Files.isWritable(directory)) {
      throw new StoreUnavailableException(directory, "is not writable: give a directory this user can write"
          + " (evmjit store stats, list and verify only read a store)", null);
    }
    if (!Files.exists(directory.resolve(DATA_FILE))) {
      List<String> others = otherFiles(directory);
      if (!others.isEmpty()) {
        throw new StoreUnavailableException(directory, "is not an evmjit store: it holds other files " + others
            + " and no " + DATA_FILE + "; give an empty or new directory", null);
      }
      if (readOnly || mustHoldStore) {
        throw new StoreUnavailableException(directory, "holds no store yet (no " + DATA_FILE + "): check the path",
            null);
      }
    }
  }

  /** Up to five names in {@code directory} that are not a store's files. */
  private static List<String> otherFiles(Path directory) {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.map(p -> p.getFileName().toString()).filter(n -> !STORE_FILES.contains(n)).sorted().limit(5)
          .toList();
    } catch (IOException e) {
      throw new StoreUnavailableException(directory, "cannot be listed: " + e, e);
    }
  }

  private static FileChannel lockForWriting(Path directory) {
    Path lockFile = directory.resolve(LOCK_FILE);
    FileChannel channel;
    try {
      channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new StoreUnavailableException(directory, "cannot open its lock file " + lockFile + ": " + e, e);
    }
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null; // held by this JVM: the same answer as another process holding it
    } catch (IOException e) {
      closeQuietly(channel);
      throw new StoreUnavailableException(directory, "cannot lock " + lockFile + ": " + e, e);
    }
    if (lock == null) {
      closeQuietly(channel);
      throw locked(directory);
    }
    return channel;
  }

  private static StoreUnavailableException locked(Path directory) {
    return new StoreUnavailableException(directory, "is locked: another process (or another open store in this"
        + " process) holds " + LOCK_FILE + ", and only one may write a store at a time. Stop it or use another"
        + " directory (evmjit store stats, list and verify read a store beside its writer)", null);
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close(); // releases its lock
      } catch (IOException e) {
        // nothing more to release
      }
    }
  }
}
