package org.evmjit.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The bytes an {@link ArtifactKey} is stored under, in the artifacts, index and hotness
 * databases alike:
 *
 * <pre>
 *   16 bytes  fingerprint digest: the first 16 bytes of SHA-256(fingerprint, UTF-8)
 *    1 byte   fork name length K (1..255)
 *    K bytes  fork name, UTF-8
 *   32 bytes  code hash
 * </pre>
 *
 * LMDB keeps keys sorted, so all records of one fingerprint, and within it of one fork, are
 * neighbours: {@link #prefix} is where {@code loadAll} starts reading and the first key not
 * starting with it is where it stops. The fingerprint is digested so keys have a fixed, small
 * size whatever the compiler's fingerprint looks like; the full fingerprint is kept once in the
 * meta database ({@link FingerprintNames}) and in every record header.
 */
final class KeyCodec {
  static final int DIGEST_BYTES = 16;
  static final int CODE_HASH_BYTES = 32;
  static final int MAX_FORK_BYTES = 255;

  private KeyCodec() {}

  static byte[] encode(ArtifactKey key) {
    byte[] prefix = prefix(key.fingerprint(), key.fork());
    byte[] out = Arrays.copyOf(prefix, prefix.length + CODE_HASH_BYTES);
    System.arraycopy(key.codeHash(), 0, out, prefix.length, CODE_HASH_BYTES);
    return out;
  }

  /** The bytes every key of {@code fingerprint} and {@code fork} starts with. */
  static byte[] prefix(String fingerprint, String fork) {
    byte[] forkBytes = fork.getBytes(StandardCharsets.UTF_8);
    if (forkBytes.length == 0 || forkBytes.length > MAX_FORK_BYTES) {
      throw new IllegalArgumentException("a fork name has 1 to " + MAX_FORK_BYTES + " UTF-8 bytes, not "
          + forkBytes.length + ": '" + fork + "'");
    }
    byte[] out = Arrays.copyOf(fingerprintDigest(fingerprint), DIGEST_BYTES + 1 + forkBytes.length);
    out[DIGEST_BYTES] = (byte) forkBytes.length;
    System.arraycopy(forkBytes, 0, out, DIGEST_BYTES + 1, forkBytes.length);
    return out;
  }

  static byte[] fingerprintDigest(String fingerprint) {
    return Arrays.copyOf(Sha256.of(fingerprint.getBytes(StandardCharsets.UTF_8)), DIGEST_BYTES);
  }

  /** The fingerprint digest {@code key} starts with (a key has at least that many bytes once well-formed). */
  static byte[] digestOf(byte[] key) {
    return Arrays.copyOf(key, DIGEST_BYTES);
  }

  /**
   * The key {@code bytes} encode, given the fingerprint their digest names; null when the bytes
   * are not a well-formed key or {@code fingerprint} is null (its name is not known).
   */
  static ArtifactKey decode(byte[] bytes, String fingerprint) {
    if (fingerprint == null || !wellFormed(bytes)) {
      return null;
    }
    int forkLength = bytes[DIGEST_BYTES] & 0xff;
    String fork = new String(bytes, DIGEST_BYTES + 1, forkLength, StandardCharsets.UTF_8);
    byte[] codeHash = Arrays.copyOfRange(bytes, DIGEST_BYTES + 1 + forkLength, bytes.length);
    return new ArtifactKey(codeHash, fork, fingerprint);
  }

  /** Whether {@code bytes} have the layout of a key (lengths add up, fork not empty). */
  static boolean wellFormed(byte[] bytes) {
    if (bytes.length < DIGEST_BYTES + 1 + CODE_HASH_BYTES) {
      return false;
    }
    int forkLength = bytes[DIGEST_BYTES] & 0xff;
    return forkLength > 0 && bytes.length == DIGEST_BYTES + 1 + forkLength + CODE_HASH_BYTES;
  }

  /** The code hash at the end of a well-formed key. */
  static byte[] codeHashOf(byte[] key) {
    return Arrays.copyOfRange(key, key.length - CODE_HASH_BYTES, key.length);
  }

  static boolean startsWith(byte[] bytes, byte[] prefix) {
    return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
  }

  /** For messages: the key bytes in hex. */
  static String hex(byte[] key) {
    return "0x" + HexFormat.of().formatHex(key);
  }
}
