package org.evmjit.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.IntStream;

/**
 * A second process for {@link StoreOpenTest}: {@code read DIR} opens the store read-only and
 * prints its record count; {@code write DIR} opens it for writing from a 256 KiB map, prints
 * {@code open}, and then, for each line {@code grow} on standard input, writes 40 records of
 * 100,000 class bytes (so the map grows) and prints {@code grown}, until standard input closes.
 * Errors are printed as {@code unavailable: message}.
 */
public final class StoreProbe {
  static final long TINY_MAP = 256 << 10;

  private StoreProbe() {}

  public static void main(String[] args) throws IOException {
    boolean readOnly = args[0].equals("read");
    StoreOptions options = StoreOptions.defaults().withReadOnly(readOnly).withInitialMapBytes(TINY_MAP);
    try (LmdbArtifactStore store = LmdbArtifactStore.open(Path.of(args[1]), options)) {
      if (readOnly) {
        System.out.println("records " + store.stats().records() + " loaded " + store.loadAll(TestArtifacts.FORK,
            TestArtifacts.FINGERPRINT, Long.MAX_VALUE, r -> {}));
        return;
      }
      System.out.println("open");
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.equals("grow")) {
          store.putAll(IntStream.range(0, 40).mapToObj(i -> TestArtifacts.artifact(TestArtifacts.key(1000 + i), 100_000, i))
              .toList());
          System.out.println("grown");
        }
      }
    } catch (StoreUnavailableException e) {
      System.out.println("unavailable: " + e.getMessage());
    }
  }
}
