package org.evmjit.store;

/**
 * A record's header as read by {@link RecordCodec#readHeader}: the fields in the order they are
 * stored, plus where the content hash and the class bytes start. Nothing here is verified yet
 * beyond the magic, the format version and the lengths.
 */
record RecordHeader(int formatVersion, int classFileVersion, String fingerprint, String fork, byte[] codeHash,
    int codeLength, long createdMillis, String className, int classBytesLength, byte[] contentHash,
    int contentHashOffset, int classBytesOffset) {}
