package org.evmjit.evm.precompile;

/**
 * A precompiled contract. Implementations are stateless and thread-safe; the interpreter asks
 * {@link #gasCost} first and calls {@link #execute} only once that gas has been paid.
 */
public interface Precompile {
  /** Gas the call costs for this input (may exceed Long range -> return Long.MAX_VALUE). */
  long gasCost(byte[] input);

  /** The output, or null when the input is invalid (the call then fails and consumes all its gas). */
  byte[] execute(byte[] input);
}
