package org.evmjit.store;

import java.nio.ByteBuffer;
import java.util.Random;

/** Artifacts for tests: class bytes with a real class-file header and seeded content. */
final class TestArtifacts {
  static final String FINGERPRINT = "evmjit-asm-test/1";
  static final String FORK = "Cancun";
  /** Java 21's class-file version: every JVM that runs these tests loads it. */
  static final int JAVA_21 = 65;

  private TestArtifacts() {}

  static byte[] codeHash(int n) {
    byte[] h = new byte[32];
    ByteBuffer.wrap(h).putInt(0, n).putInt(28, ~n);
    return h;
  }

  static ArtifactKey key(int n) {
    return key(n, FORK, FINGERPRINT);
  }

  static ArtifactKey key(int n, String fork, String fingerprint) {
    return new ArtifactKey(codeHash(n), fork, fingerprint);
  }

  /** {@code size} bytes: 0xCAFEBABE, minor 0, major {@code classFileVersion}, then bytes seeded by {@code seed}. */
  static byte[] classBytes(int size, int classFileVersion, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    ByteBuffer.wrap(b).putInt(0, 0xCAFEBABE).putShort(4, (short) 0).putShort(6, (short) classFileVersion);
    return b;
  }

  static Artifact artifact(ArtifactKey key, int classSize, long createdMillis) {
    return new Artifact(key, 100 + classSize % 50, createdMillis, "org/evmjit/gen/C" + key.codeHashHex().substring(0, 8),
        classBytes(classSize, JAVA_21, key.hashCode()));
  }

  static Artifact artifact(int n) {
    return artifact(key(n), 1000, 1_700_000_000_000L + n);
  }
}
