package org.evmjit.store;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What an artifact is stored under: the Keccak-256 of the EVM code, the fork it was compiled for
 * (its fixture name, e.g. {@code Cancun}), and the fingerprint of the compiler that made it. Two
 * compilers with different fingerprints never share artifacts.
 */
public final class ArtifactKey {
  private final byte[] codeHash;
  private final String fork;
  private final String fingerprint;

  /**
   * @param codeHash 32 bytes, copied
   * @param fork a fork name (not blank)
   * @param fingerprint the compiler fingerprint (not blank)
   */
  public ArtifactKey(byte[] codeHash, String fork, String fingerprint) {
    if (Objects.requireNonNull(codeHash, "codeHash").length != 32) {
      throw new IllegalArgumentException("a code hash has 32 bytes, not " + codeHash.length);
    }
    if (Objects.requireNonNull(fork, "fork").isBlank()) {
      throw new IllegalArgumentException("blank fork");
    }
    if (Objects.requireNonNull(fingerprint, "fingerprint").isBlank()) {
      throw new IllegalArgumentException("blank fingerprint");
    }
    this.codeHash = codeHash.clone();
    this.fork = fork;
    this.fingerprint = fingerprint;
  }

  public byte[] codeHash() {
    return codeHash.clone();
  }

  public String codeHashHex() {
    return HexFormat.of().formatHex(codeHash);
  }

  public String fork() {
    return fork;
  }

  public String fingerprint() {
    return fingerprint;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ArtifactKey k && Arrays.equals(codeHash, k.codeHash) && fork.equals(k.fork)
        && fingerprint.equals(k.fingerprint);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(codeHash) * 31 + fork.hashCode() * 17 + fingerprint.hashCode();
  }

  @Override
  public String toString() {
    return "0x" + codeHashHex() + "/" + fork + "/" + fingerprint;
  }
}
