package org.evmjit.besu.declarations;

/**
 * What every declared body does: these classes only let the plugin compile where Besu's
 * artifacts cannot be downloaded. Their presence on a class path marks the declarations build
 * ({@code BesuDeclarationsTest} skips there).
 */
public final class Absent {
  private Absent() {}

  public static UnsupportedOperationException absent() {
    return new UnsupportedOperationException("evmjit's declaration of a Besu member: run inside Besu");
  }

  public static <T> T value() {
    throw absent();
  }
}
