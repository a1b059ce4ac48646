package org.evmjit.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Checks, before LMDB maps it, that {@code data.mdb} holds every page its meta pages claim. LMDB
 * reads pages straight from its memory map, so a page past the end of a truncated file is a
 * SIGBUS that kills the JVM; here the file is read with plain reads, which only come back short.
 *
 * <p>LMDB's on-disk layout (liblmdb {@code mdb.c}, 64-bit, native byte order): pages 0 and 1 are
 * meta pages; each starts with the 16-byte page header ({@code mp_pgno} 8, {@code mp_pad} 2,
 * {@code mp_flags} 2 with {@code P_META} 0x08, lower/upper 4), then {@code MDB_meta}:
 * {@code mm_magic} 0xBEEFC0DE (4), {@code mm_version} 1 (4), {@code mm_address} (8),
 * {@code mm_mapsize} (8), two {@code MDB_db} of 48 bytes (the first one's {@code md_pad} is the
 * page size), {@code mm_last_pg} (8), {@code mm_txnid} (8). LMDB uses the meta page with the
 * greater transaction id; its pages end at {@code (mm_last_pg + 1) * page size}. (LMDB may leave
 * trailing free pages unwritten; {@link #coverLastPage} writes them out after each commit of this
 * project's writer, so a store it wrote is never shorter than its meta page says.)
 */
final class DataFileCheck {
  private static final int PAGE_HEADER = 16;
  private static final int FLAGS = 10;
  private static final int P_META = 0x08;
  private static final int MAGIC = PAGE_HEADER;
  private static final int VERSION = PAGE_HEADER + 4;
  private static final int PAGE_SIZE = PAGE_HEADER + 24;
  private static final int LAST_PAGE = PAGE_HEADER + 120;
  private static final int TXN_ID = PAGE_HEADER + 128;
  private static final int META_BYTES = PAGE_HEADER + 136;
  private static final int LMDB_MAGIC = 0xBEEFC0DE;
  private static final int LMDB_DATA_VERSION = 1;
  private static final int MIN_PAGE = 512;
  private static final int MAX_PAGE = 1 << 16;
  private static final String NOT_LMDB = "is not an LMDB file";

  private DataFileCheck() {}

  /**
   * Refuses {@code dataFile} when it is shorter than its meta pages claim, or when they cannot be
   * read.
   *
   * @throws StoreUnavailableException naming the file, the sizes and what to do
   */
  static void check(Path directory, Path dataFile) {
    String problem;
    try (FileChannel ch = FileChannel.open(dataFile, StandardOpenOption.READ)) {
      problem = problem(ch);
    } catch (IOException e) {
      throw new StoreUnavailableException(directory, "cannot read " + dataFile + ": " + e, e);
    }
    if (problem != null && problem.startsWith(NOT_LMDB)) {
      throw Databases.notAStore(directory, "a " + dataFile.getFileName() + " that " + problem);
    }
    if (problem != null) {
      throw new StoreUnavailableException(directory, "is damaged: " + dataFile.getFileName() + " " + problem
          + "; remove the directory (the store is created again, its classes compiled again) or restore it from a copy",
          null);
    }
  }

  /**
   * What is wrong with the data file read through {@code ch}, starting with {@value #NOT_LMDB} when
   * its meta pages are not LMDB's; null when its pages are all there.
   */
  static String problem(FileChannel ch) throws IOException {
    long length = ch.size();
    ByteBuffer first = readMeta(ch, 0);
    if (first == null) {
      return "is " + length + " bytes, too short to hold LMDB's meta pages (it was truncated)";
    }
    String invalid = invalid(first, 0);
    if (invalid != null) {
      return invalid;
    }
    int pageSize = first.getInt(PAGE_SIZE);
    ByteBuffer second = readMeta(ch, pageSize);
    if (second == null) {
      return "is " + length + " bytes, too short to hold LMDB's two meta pages of " + pageSize
          + " bytes (it was truncated)";
    }
    invalid = invalid(second, 1);
    if (invalid != null) {
      return invalid;
    }
    ByteBuffer meta = Long.compareUnsigned(second.getLong(TXN_ID), first.getLong(TXN_ID)) > 0 ? second : first;
    long lastPage = meta.getLong(LAST_PAGE);
    if (lastPage < 1 || lastPage > Long.MAX_VALUE / pageSize - 1) {
      return "has a meta page (transaction " + Long.toUnsignedString(meta.getLong(TXN_ID)) + ") whose last page number "
          + Long.toUnsignedString(lastPage) + " is impossible";
    }
    long needed = (lastPage + 1) * pageSize;
    if (length < needed) {
      return "is " + length + " bytes, but its meta page (transaction " + Long.toUnsignedString(meta.getLong(TXN_ID))
          + ") says its pages end at byte " + needed + " (last page " + lastPage + ", page size " + pageSize
          + "): it was truncated";
    }
    return null;
  }

  /**
   * Extends the data file to the end of its last used page when LMDB left trailing free pages
   * unwritten, so {@link #check} never refuses a store this process wrote. Called by the writer
   * after a commit, while no other write can run.
   */
  static void coverLastPage(Path dataFile, long lastPage, long pageSize) throws IOException {
    long needed = (lastPage + 1) * pageSize;
    try (FileChannel ch = FileChannel.open(dataFile, StandardOpenOption.WRITE)) {
      if (ch.size() < needed) {
        ch.write(ByteBuffer.allocate(1), needed - 1);
      }
    }
  }

  /** The meta page at {@code offset}, or null when the file ends before it does. */
  private static ByteBuffer readMeta(FileChannel ch, long offset) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(META_BYTES).order(ByteOrder.nativeOrder());
    while (b.hasRemaining()) {
      if (ch.read(b, offset + b.position()) < 0) {
        return null;
      }
    }
    return b.flip();
  }

  /** Why meta page {@code n} is not one LMDB reads; null when it is. */
  private static String invalid(ByteBuffer meta, int n) {
    String where = NOT_LMDB + ": meta page " + n;
    if ((meta.getShort(FLAGS) & P_META) == 0 || meta.getInt(MAGIC) != LMDB_MAGIC) {
      return where + " has flags 0x" + Integer.toHexString(meta.getShort(FLAGS) & 0xffff) + " and magic 0x"
          + Integer.toHexString(meta.getInt(MAGIC)) + " (expected the meta flag 0x8 and 0xbeefc0de)";
    }
    if (meta.getInt(VERSION) != LMDB_DATA_VERSION) {
      return where + " has data version " + meta.getInt(VERSION) + ", expected " + LMDB_DATA_VERSION;
    }
    int pageSize = meta.getInt(PAGE_SIZE);
    if (pageSize < MIN_PAGE || pageSize > MAX_PAGE || Integer.bitCount(pageSize) != 1) {
      return where + " has page size " + pageSize + ", expected a power of two from " + MIN_PAGE + " to " + MAX_PAGE;
    }
    return null;
  }
}
