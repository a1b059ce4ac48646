package org.evmjit.store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.lmdbjava.CursorIterable;
import org.lmdbjava.Dbi;
import org.lmdbjava.KeyRange;
import org.lmdbjava.Txn;

/**
 * The full fingerprint behind each digest in keys ({@link KeyCodec}), kept in the meta database
 * under {@code fingerprint:} + digest, so keys can be turned back into {@link ArtifactKey}s for
 * {@code list}, {@code verify} and {@code gc}. A digest always names the same fingerprint, so
 * names once read are cached for the life of the store.
 */
final class FingerprintNames {
  private static final byte[] PREFIX = Databases.bytes("fingerprint:");

  private final Dbi<byte[]> meta;
  private final Map<String, String> cache = new ConcurrentHashMap<>();

  FingerprintNames(Dbi<byte[]> meta) {
    this.meta = meta;
  }

  /** Records {@code fingerprint}'s name in {@code txn} unless the store has it. */
  void register(Txn<byte[]> txn, String fingerprint) {
    byte[] key = metaKey(KeyCodec.fingerprintDigest(fingerprint));
    if (meta.get(txn, key) == null) {
      meta.put(txn, key, fingerprint.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** The fingerprint whose digest is {@code digest}; null when the store does not know it. */
  String name(Txn<byte[]> txn, byte[] digest) {
    String hex = HexFormat.of().formatHex(digest);
    String cached = cache.get(hex);
    if (cached != null) {
      return cached;
    }
    byte[] name = meta.get(txn, metaKey(digest));
    if (name == null) {
      return null;
    }
    String s = new String(name, StandardCharsets.UTF_8);
    cache.put(hex, s);
    return s;
  }

  /** The key {@code bytes} encode, or null when they are malformed or their fingerprint is unknown. */
  ArtifactKey decodeKey(Txn<byte[]> txn, byte[] bytes) {
    return KeyCodec.wellFormed(bytes) ? KeyCodec.decode(bytes, name(txn, KeyCodec.digestOf(bytes))) : null;
  }

  /** Drops every name but that of {@code keepDigest} (gc, once their keys are gone). */
  void forgetAllBut(Txn<byte[]> txn, byte[] keepDigest) {
    byte[] keep = metaKey(keepDigest);
    List<byte[]> others = new ArrayList<>();
    try (CursorIterable<byte[]> names = meta.iterate(txn, KeyRange.atLeast(PREFIX))) {
      for (CursorIterable.KeyVal<byte[]> kv : names) {
        if (!KeyCodec.startsWith(kv.key(), PREFIX)) {
          break;
        }
        if (!Arrays.equals(kv.key(), keep)) {
          others.add(kv.key());
        }
      }
    }
    others.forEach(k -> meta.delete(txn, k));
  }

  private static byte[] metaKey(byte[] digest) {
    byte[] key = new byte[PREFIX.length + digest.length];
    System.arraycopy(PREFIX, 0, key, 0, PREFIX.length);
    System.arraycopy(digest, 0, key, PREFIX.length, digest.length);
    return key;
  }
}
