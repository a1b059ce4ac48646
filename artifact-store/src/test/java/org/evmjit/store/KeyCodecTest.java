package org.evmjit.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class KeyCodecTest {
  private final ArtifactKey key = TestArtifacts.key(3);

  @Test
  void roundTrip() {
    byte[] bytes = KeyCodec.encode(key);
    assertEquals(KeyCodec.DIGEST_BYTES + 1 + "Cancun".length() + 32, bytes.length);
    assertEquals(key, KeyCodec.decode(bytes, TestArtifacts.FINGERPRINT));
    assertArrayEquals(key.codeHash(), KeyCodec.codeHashOf(bytes));
    assertArrayEquals(KeyCodec.fingerprintDigest(TestArtifacts.FINGERPRINT), KeyCodec.digestOf(bytes));
  }

  @Test
  void keysOfOneFingerprintAndForkShareAPrefixOthersDoNot() {
    byte[] prefix = KeyCodec.prefix(TestArtifacts.FINGERPRINT, "Cancun");
    assertTrue(KeyCodec.startsWith(KeyCodec.encode(key), prefix));
    assertFalse(KeyCodec.startsWith(KeyCodec.encode(TestArtifacts.key(3, "Cancun2", TestArtifacts.FINGERPRINT)), prefix),
        "the fork's length is part of the prefix, so a longer name with the same start is not included");
    assertFalse(KeyCodec.startsWith(KeyCodec.encode(TestArtifacts.key(3, "Cancun", "other")), prefix));
  }

  @Test
  void malformedKeysDoNotDecode() {
    byte[] bytes = KeyCodec.encode(key);
    assertNull(KeyCodec.decode(Arrays.copyOf(bytes, bytes.length - 1), TestArtifacts.FINGERPRINT));
    assertNull(KeyCodec.decode(bytes, null));
    byte[] zeroFork = bytes.clone();
    zeroFork[KeyCodec.DIGEST_BYTES] = 0;
    assertFalse(KeyCodec.wellFormed(zeroFork));
  }

  @Test
  void forkNamesAreBounded() {
    assertThrows(IllegalArgumentException.class, () -> KeyCodec.prefix("f", "x".repeat(256)));
  }
}
