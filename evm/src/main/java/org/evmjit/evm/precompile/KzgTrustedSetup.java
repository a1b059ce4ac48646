package org.evmjit.evm.precompile;

import ethereum.ckzg4844.CKZG4844JNI;

/**
 * Loads the c-kzg native library and the mainnet KZG trusted setup once, lazily and
 * thread-safely. c-kzg keeps one trusted setup per process, so anything in evmjit that needs
 * KZG must go through {@link #ensureLoaded}.
 *
 * <p>The setup is the EIP-4844 ceremony output as shipped by c-kzg-4844 (see README.md next to
 * the resource).
 */
public final class KzgTrustedSetup {
  /** The classpath resource holding the mainnet trusted setup in c-kzg's text format. */
  public static final String RESOURCE = "/org/evmjit/evm/precompile/trusted_setup.txt";

  private static volatile boolean loaded;
  private static Throwable failure;

  private KzgTrustedSetup() {}

  /**
   * Makes sure the setup is loaded.
   *
   * @throws IllegalStateException when the native library or the setup cannot be loaded (on
   *     every call, not only the first)
   */
  public static void ensureLoaded() {
    if (loaded) {
      return;
    }
    synchronized (KzgTrustedSetup.class) {
      if (loaded) {
        return;
      }
      if (failure == null) {
        try {
          CKZG4844JNI.loadNativeLibrary();
          CKZG4844JNI.loadTrustedSetupFromResource(RESOURCE, KzgTrustedSetup.class, 0);
          loaded = true;
          return;
        } catch (RuntimeException | LinkageError e) {
          failure = e;
        }
      }
      throw new IllegalStateException(
          "KZG is unavailable: could not load the c-kzg native library or the trusted setup "
              + RESOURCE,
          failure);
    }
  }
}
