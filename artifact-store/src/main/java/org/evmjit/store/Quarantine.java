package org.evmjit.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.lmdbjava.Cursor;
import org.lmdbjava.Dbi;
import org.lmdbjava.Txn;

/**
 * Rejected records, kept aside so a damaged or foreign record can still be looked at, and
 * bounded: past {@link #MAX_ENTRIES} the oldest go, so a store that rejects records again and
 * again never grows for it. Keys are a sequence number (8 bytes, big-endian), so LMDB's order is
 * arrival order. A value is:
 *
 * <pre>
 *   8  when (epoch milliseconds)
 *   2  reason name length, then the {@link RejectReason} name, UTF-8
 *   2  detail length, then the detail, UTF-8 (cut at {@value #MAX_DETAIL_BYTES} bytes)
 *   2  key length, then the key bytes the record was stored under
 *   …  the record bytes as they were
 * </pre>
 */
final class Quarantine {
  static final int MAX_ENTRIES = 64;
  static final int MAX_DETAIL_BYTES = 2000;

  private final Dbi<byte[]> dbi;

  Quarantine(Dbi<byte[]> dbi) {
    this.dbi = dbi;
  }

  /** Adds a rejected record, then drops the oldest entries past the bound. */
  void add(Txn<byte[]> txn, byte[] key, byte[] record, RejectReason reason, String detail, long nowMillis) {
    byte[] reasonBytes = reason.name().getBytes(StandardCharsets.UTF_8);
    byte[] detailBytes = detail.getBytes(StandardCharsets.UTF_8);
    detailBytes = Arrays.copyOf(detailBytes, Math.min(detailBytes.length, MAX_DETAIL_BYTES));
    byte[] value = ByteBuffer.allocate(8 + 2 + reasonBytes.length + 2 + detailBytes.length + 2 + key.length + record.length)
        .putLong(nowMillis)
        .putShort((short) reasonBytes.length).put(reasonBytes)
        .putShort((short) detailBytes.length).put(detailBytes)
        .putShort((short) key.length).put(key)
        .put(record)
        .array();
    try (Cursor<byte[]> c = dbi.openCursor(txn)) {
      long next = c.last() ? ByteBuffer.wrap(c.key()).getLong() + 1 : 0;
      c.put(ByteBuffer.allocate(8).putLong(next).array(), value);
    }
    long excess = size(txn) - MAX_ENTRIES;
    try (Cursor<byte[]> c = dbi.openCursor(txn)) {
      for (long i = 0; i < excess && c.first(); i++) {
        c.delete();
      }
    }
  }

  int size(Txn<byte[]> txn) {
    return (int) dbi.stat(txn).entries;
  }
}
