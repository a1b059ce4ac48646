package org.evmjit.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A second process for {@link StoreOpenTest}: {@code read DIR} opens the store read-only and
 * prints its record count; {@code write DIR} opens it for writing, prints {@code open}, and
 * holds it until standard input closes. Errors are printed as {@code unavailable: message}.
 */
public final class StoreProbe {
  private StoreProbe() {}

  public static void main(String[] args) throws IOException {
    boolean readOnly = args[0].equals("read");
    try (LmdbArtifactStore store = LmdbArtifactStore.open(Path.of(args[1]), StoreOptions.defaults().withReadOnly(readOnly))) {
      if (readOnly) {
        System.out.println("records " + store.stats().records() + " loaded " + store.loadAll(TestArtifacts.FORK,
            TestArtifacts.FINGERPRINT, Long.MAX_VALUE, r -> {}));
      } else {
        System.out.println("open");
        System.out.flush();
        System.in.transferTo(java.io.OutputStream.nullOutputStream());
      }
    } catch (StoreUnavailableException e) {
      System.out.println("unavailable: " + e.getMessage());
    }
  }
}
