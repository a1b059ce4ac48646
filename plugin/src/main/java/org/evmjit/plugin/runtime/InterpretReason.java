package org.evmjit.plugin.runtime;

/** Why a lookup answered "interpret": the code runs on the interpreter for this frame. */
public enum InterpretReason {
  /** The runtime is disabled ({@link JitRuntime#setEnabled}) or shut down. */
  DISABLED,
  /** Not compiled and not being compiled: seen fewer times than the threshold (or never). */
  NOT_YET_HOT,
  /** Hot enough; a compile job is queued or running. Callers never wait for it. */
  COMPILING,
  /** The compiler declined this code (for example, too large for the JVM); remembered until a reset. */
  INELIGIBLE,
  /** The last compile failed (an error, a time-out, a class over the budget); retried after a backoff. */
  FAILED
}
