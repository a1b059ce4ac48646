package org.evmjit.store;

/** A stored record, read back: verified, or rejected with its reason. */
public sealed interface LoadResult {

  /** A record that passed every check. {@code calls}: the hotness recorded for its key. */
  record Loaded(Artifact artifact, long calls) implements LoadResult {}

  /**
   * A record that failed a check and was taken out of the store. {@code key} is the key it was
   * stored under, null when even the key bytes could not be decoded; {@code detail} says what
   * exactly was wrong (expected and found values).
   */
  record Rejected(ArtifactKey key, RejectReason reason, String detail) implements LoadResult {}
}
