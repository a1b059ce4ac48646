package org.evmjit.store;

import java.nio.ByteBuffer;

/**
 * What the index database holds for each record, under the same key: the facts that ordering
 * and the disk budget need, so that neither has to read whole records (reading a value from LMDB
 * copies all of it). Written in the same transaction as its record, so the two always agree;
 * {@code verify --repair} rebuilds an entry that does not.
 *
 * @param createdMillis the record header's creation time (0 when the header cannot be read)
 * @param recordBytes key and value bytes of the record: what the disk budget counts
 * @param classBytes length of the class file in the record (0 when the header cannot be read)
 */
record IndexEntry(long createdMillis, int recordBytes, int classBytes) {
  static final int BYTES = 16;

  /** The entry for {@code record} stored under {@code key}. */
  static IndexEntry of(byte[] key, byte[] record) {
    int recordBytes = key.length + record.length;
    try {
      RecordHeader h = RecordCodec.readHeader(record);
      return new IndexEntry(h.createdMillis(), recordBytes, h.classBytesLength());
    } catch (RecordCodec.Malformed e) {
      return new IndexEntry(0, recordBytes, 0);
    }
  }

  byte[] encode() {
    return ByteBuffer.allocate(BYTES).putLong(createdMillis).putInt(recordBytes).putInt(classBytes).array();
  }

  /** The entry in {@code bytes}; null when they are not one. */
  static IndexEntry decode(byte[] bytes) {
    if (bytes == null || bytes.length != BYTES) {
      return null;
    }
    ByteBuffer b = ByteBuffer.wrap(bytes);
    return new IndexEntry(b.getLong(), b.getInt(), b.getInt());
  }
}
