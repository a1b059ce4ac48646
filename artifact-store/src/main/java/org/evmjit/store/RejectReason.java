package org.evmjit.store;

/**
 * Why a stored record was not loaded. A rejected record is removed from the artifacts (kept
 * aside in the quarantine where the store has one) and counted by reason; the code it was for
 * runs on the interpreter until it is compiled again.
 */
public enum RejectReason {
  /** Shorter than its header says, or than any header. */
  TRUNCATED,
  /** Not a record of this store (bad magic). */
  BAD_MAGIC,
  /** Written by another record format version. */
  FORMAT_VERSION,
  /** Made by another compiler (its fingerprint differs from the one asked for). */
  FINGERPRINT,
  /** A class-file version this JVM or this compiler does not produce or cannot load. */
  CLASS_FILE_VERSION,
  /** The header's code hash or fork disagree with the key the record is stored under. */
  KEY_MISMATCH,
  /** The class bytes do not hash to the header's content hash (damaged on disk). */
  CONTENT_HASH,
  /** The bytes passed every store check but the JVM refused to define the class (reported by the loader). */
  CLASS_DEFINE
}
