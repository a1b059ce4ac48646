package org.evmjit.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The bytes of one stored record, and their checks. All numbers are big-endian:
 *
 * <pre>
 *   4  magic 'E' 'J' 'A' 'R' (evmjit artifact record)
 *   2  record format version ({@value #FORMAT_VERSION})
 *   2  class-file major version (bytes 6-7 of the class file; 65 is Java 21)
 *   2  fingerprint length F, then F bytes: the compiler fingerprint, UTF-8
 *   1  fork name length K, then K bytes: the fork, UTF-8
 *  32  code hash (Keccak-256 of the EVM code)
 *   4  code length (bytes of EVM code)
 *   8  created (epoch milliseconds)
 *   2  class name length N, then N bytes: the class's binary name, UTF-8
 *   4  class bytes length L
 *  32  content hash: SHA-256 of every header byte before it, then of the L class bytes
 *   L  the class file
 * </pre>
 *
 * The content hash covers the header too, so a flipped byte anywhere (the class name or created
 * time included) is caught; the specific checks before it only give a flip in a checked field a
 * more telling reason. {@link #decode} checks, in this order, and names the first failure:
 * {@link RejectReason#TRUNCATED} (the bytes end inside the header or the class bytes),
 * {@link RejectReason#BAD_MAGIC}, {@link RejectReason#FORMAT_VERSION},
 * {@link RejectReason#FINGERPRINT} (header against key), {@link RejectReason#KEY_MISMATCH} (fork,
 * code hash), {@link RejectReason#CLASS_FILE_VERSION} (newer than this JVM loads),
 * {@link RejectReason#CONTENT_HASH} (also for bytes after the class bytes), and last
 * {@link RejectReason#CLASS_FILE_VERSION} again if the class file's own version disagrees with
 * the header. It never throws on bad bytes.
 */
public final class RecordCodec {
  /** 'EJAR'. */
  public static final int MAGIC = 0x454A4152;
  /** The record format this class writes and reads; any other is rejected. */
  public static final int FORMAT_VERSION = 1;

  private static final int CLASS_FILE_MAGIC = 0xCAFEBABE;
  /** Bytes before the first variable-length field: magic, format version, class-file version. */
  private static final int FIXED_PREFIX = 8;

  private RecordCodec() {}

  /**
   * The record bytes of {@code artifact}, as the store writes them (public so fault tests can
   * damage a real record and store it with {@link LmdbArtifactStore#putRawForTesting}).
   *
   * @throws IllegalArgumentException when the class bytes are not a class file or a name is too long
   */
  public static byte[] encode(Artifact artifact) {
    byte[] classBytes = artifact.classBytes();
    int classFileVersion = classFileVersion(classBytes);
    if (classFileVersion < 0) {
      throw new IllegalArgumentException("not a class file (no 0xCAFEBABE header): " + artifact.key());
    }
    ArtifactKey key = artifact.key();
    byte[] fingerprint = utf8(key.fingerprint(), 0xffff, "fingerprint");
    byte[] fork = utf8(key.fork(), KeyCodec.MAX_FORK_BYTES, "fork");
    byte[] className = utf8(artifact.className(), 0xffff, "class name");
    int headerLength = FIXED_PREFIX + 2 + fingerprint.length + 1 + fork.length + Sha256.BYTES + 4 + 8 + 2
        + className.length + 4;
    ByteBuffer out = ByteBuffer.allocate(headerLength + Sha256.BYTES + classBytes.length);
    out.putInt(MAGIC).putShort((short) FORMAT_VERSION).putShort((short) classFileVersion);
    out.putShort((short) fingerprint.length).put(fingerprint);
    out.put((byte) fork.length).put(fork);
    out.put(key.codeHash()).putInt(artifact.codeLength()).putLong(artifact.createdMillis());
    out.putShort((short) className.length).put(className);
    out.putInt(classBytes.length);
    byte[] bytes = out.array();
    out.put(contentHash(bytes, headerLength, classBytes, 0, classBytes.length));
    out.put(classBytes);
    return bytes;
  }

  /**
   * Checks {@code record} as stored under {@code key}: {@link LoadResult.Loaded} with
   * {@code calls}, or {@link LoadResult.Rejected} naming the first failed check with expected
   * and found values.
   */
  public static LoadResult decode(ArtifactKey key, byte[] record, long calls) {
    RecordHeader h;
    try {
      h = readHeader(record);
    } catch (Malformed e) {
      return new LoadResult.Rejected(key, e.reason, e.detail);
    }
    if (!h.fingerprint().equals(key.fingerprint())) {
      return new LoadResult.Rejected(key, RejectReason.FINGERPRINT,
          "fingerprint: expected '" + key.fingerprint() + "', found '" + h.fingerprint() + "'");
    }
    String mismatch = keyMismatch(key, h);
    if (mismatch != null) {
      return new LoadResult.Rejected(key, RejectReason.KEY_MISMATCH, mismatch);
    }
    int supported = supportedClassFileVersion();
    if (h.classFileVersion() > supported) {
      return new LoadResult.Rejected(key, RejectReason.CLASS_FILE_VERSION, "class-file version: expected at most "
          + supported + " (Java " + Runtime.version().feature() + "), found " + h.classFileVersion());
    }
    int end = h.classBytesOffset() + h.classBytesLength();
    if (record.length > end) {
      return new LoadResult.Rejected(key, RejectReason.CONTENT_HASH, "length: expected " + end
          + " bytes as the header says, found " + record.length + " (" + (record.length - end) + " trailing)");
    }
    byte[] actual = contentHash(record, h.contentHashOffset(), record, h.classBytesOffset(), h.classBytesLength());
    if (!Arrays.equals(actual, h.contentHash())) {
      return new LoadResult.Rejected(key, RejectReason.CONTENT_HASH, "content hash: expected "
          + hex(h.contentHash()) + " (header), found " + hex(actual));
    }
    if (h.codeLength() < 0) { // only a crafted record gets here: the hash covers the header
      return new LoadResult.Rejected(key, RejectReason.CONTENT_HASH, "code length: expected >= 0, found " + h.codeLength());
    }
    byte[] classBytes = Arrays.copyOfRange(record, h.classBytesOffset(), end);
    if (classFileVersion(classBytes) != h.classFileVersion()) {
      return new LoadResult.Rejected(key, RejectReason.CLASS_FILE_VERSION, "class-file version: header says "
          + h.classFileVersion() + ", the class file says " + classFileVersion(classBytes));
    }
    return new LoadResult.Loaded(new Artifact(key, h.codeLength(), h.createdMillis(), h.className(), classBytes), calls);
  }

  /** Reads the header; checks only magic, format version and that the lengths fit in {@code record}. */
  static RecordHeader readHeader(byte[] record) throws Malformed {
    Reader r = new Reader(record);
    int magic = r.u32("magic");
    if (magic != MAGIC) {
      throw new Malformed(RejectReason.BAD_MAGIC, "magic: expected 0x" + Integer.toHexString(MAGIC) + " ('EJAR'), found 0x"
          + Integer.toHexString(magic));
    }
    int formatVersion = r.u16("format version");
    if (formatVersion != FORMAT_VERSION) {
      throw new Malformed(RejectReason.FORMAT_VERSION, "record format version: expected " + FORMAT_VERSION + ", found "
          + formatVersion);
    }
    int classFileVersion = r.u16("class-file version");
    String fingerprint = r.string(r.u16("fingerprint length"), "fingerprint");
    String fork = r.string(r.u8("fork length"), "fork");
    byte[] codeHash = r.bytes(Sha256.BYTES, "code hash");
    int codeLength = r.u32("code length");
    long created = r.i64("created");
    String className = r.string(r.u16("class name length"), "class name");
    int classBytesLength = r.u32("class bytes length");
    int contentHashOffset = r.position;
    byte[] contentHash = r.bytes(Sha256.BYTES, "content hash");
    int classBytesOffset = r.position;
    if (classBytesLength < 0 || classBytesLength > record.length - classBytesOffset) {
      throw new Malformed(RejectReason.TRUNCATED, "class bytes: expected " + Integer.toUnsignedString(classBytesLength)
          + " as the header says, found " + (record.length - classBytesOffset));
    }
    return new RecordHeader(formatVersion, classFileVersion, fingerprint, fork, codeHash, codeLength, created,
        className, classBytesLength, contentHash, contentHashOffset, classBytesOffset);
  }

  /** The class-file major version (bytes 6-7) of {@code classBytes}; -1 when they are not a class file. */
  public static int classFileVersion(byte[] classBytes) {
    if (classBytes.length < 8 || ByteBuffer.wrap(classBytes).getInt(0) != CLASS_FILE_MAGIC) {
      return -1;
    }
    return ((classBytes[6] & 0xff) << 8) | (classBytes[7] & 0xff);
  }

  /** The newest class-file version this JVM loads: 44 + its feature version (65 for Java 21). */
  public static int supportedClassFileVersion() {
    return 44 + Runtime.version().feature();
  }

  private static String keyMismatch(ArtifactKey key, RecordHeader h) {
    if (!h.fork().equals(key.fork())) {
      return "fork: expected '" + key.fork() + "' (key), found '" + h.fork() + "' (header)";
    }
    if (!Arrays.equals(h.codeHash(), key.codeHash())) {
      return "code hash: expected 0x" + key.codeHashHex() + " (key), found " + hex(h.codeHash()) + " (header)";
    }
    return null;
  }

  private static byte[] contentHash(byte[] header, int headerLength, byte[] classBytes, int offset, int length) {
    MessageDigest md = Sha256.newDigest();
    md.update(header, 0, headerLength);
    md.update(classBytes, offset, length);
    return md.digest();
  }

  private static byte[] utf8(String s, int maxBytes, String what) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    if (b.length > maxBytes) {
      throw new IllegalArgumentException(what + " has " + b.length + " UTF-8 bytes, at most " + maxBytes + " fit");
    }
    return b;
  }

  private static String hex(byte[] b) {
    return "0x" + HexFormat.of().formatHex(b);
  }

  /** A record that fails a structural check; carries the reason and the expected-and-found detail. */
  static final class Malformed extends Exception {
    final RejectReason reason;
    final String detail;

    Malformed(RejectReason reason, String detail) {
      super(reason + ": " + detail, null, false, false);
      this.reason = reason;
      this.detail = detail;
    }
  }

  /** Reads header fields in order; running out of bytes is {@link RejectReason#TRUNCATED} naming the field. */
  private static final class Reader {
    private final byte[] bytes;
    private int position;

    Reader(byte[] bytes) {
      this.bytes = bytes;
    }

    byte[] bytes(int n, String field) throws Malformed {
      if (bytes.length - position < n) {
        throw new Malformed(RejectReason.TRUNCATED, field + ": expected " + n + " bytes at offset " + position + ", found "
            + (bytes.length - position) + " (record has " + bytes.length + " bytes)");
      }
      byte[] out = Arrays.copyOfRange(bytes, position, position + n);
      position += n;
      return out;
    }

    int u8(String field) throws Malformed {
      return bytes(1, field)[0] & 0xff;
    }

    int u16(String field) throws Malformed {
      return ByteBuffer.wrap(bytes(2, field)).getShort() & 0xffff;
    }

    int u32(String field) throws Malformed {
      return ByteBuffer.wrap(bytes(4, field)).getInt();
    }

    long i64(String field) throws Malformed {
      return ByteBuffer.wrap(bytes(8, field)).getLong();
    }

    String string(int length, String field) throws Malformed {
      return new String(bytes(length, field), StandardCharsets.UTF_8);
    }
  }
}
