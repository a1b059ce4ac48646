package org.evmjit.store;

import java.util.Objects;

/**
 * One compiled class as stored: its key, facts about the code it came from, and the class file.
 * The store adds the rest of the record header (format version, class-file version, content
 * hash) itself when it writes, and checks it when it reads.
 *
 * @param key code hash, fork, compiler fingerprint
 * @param codeLength bytes of EVM code compiled
 * @param createdMillis when it was compiled (epoch milliseconds)
 * @param className binary name of the generated class (as given to the compiler's loader)
 * @param classBytes the class file; not copied, callers must not change it
 */
public record Artifact(ArtifactKey key, int codeLength, long createdMillis, String className, byte[] classBytes) {
  public Artifact {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(className, "className");
    Objects.requireNonNull(classBytes, "classBytes");
    if (codeLength < 0) {
      throw new IllegalArgumentException("codeLength < 0: " + codeLength);
    }
  }
}
