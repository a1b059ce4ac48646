package org.evmjit.statetest.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.evmjit.evm.fork.Fork;
import org.evmjit.statetest.SharedPaths;

/**
 * What {@code state-test --default-suite} runs: the Cancun entries of the GeneralStateTests of
 * {@code ../shared/fixtures} when present (the folder also holds entries of other forks),
 * otherwise the small examples shipped inside evmjit, every fork of them (resource folder
 * {@code org/evmjit/statetest/examples}, listed in its {@code index.txt}), copied to a temporary
 * folder so they run like any fixture files.
 */
final class DefaultSuite {
  static final String SHARED_SUITE = "fixtures/ethereum-tests/GeneralStateTests";
  private static final String EXAMPLES = "/org/evmjit/statetest/examples/";

  private DefaultSuite() {}

  /** The folder to run, its fork (null: every fork), and a line saying which they are. */
  record Choice(Path folder, Fork fork, String description) {}

  static Choice choose() {
    Optional<Path> shared = SharedPaths.find(SHARED_SUITE);
    if (shared.isPresent()) {
      return new Choice(shared.get(), Fork.CANCUN, "default suite: " + shared.get() + ", fork Cancun");
    }
    return new Choice(extractExamples(), null, "default suite: evmjit's bundled examples, every fork ("
        + "../shared/" + SHARED_SUITE + " not found)");
  }

  /** Unpacks the bundled examples into a new temporary folder. */
  static Path extractExamples() {
    try {
      Path dir = Files.createTempDirectory("evmjit-examples");
      dir.toFile().deleteOnExit();
      for (String name : resource("index.txt").split("\n")) {
        if (!name.isBlank()) {
          Path file = dir.resolve(name.trim());
          Files.writeString(file, resource(name.trim()));
          file.toFile().deleteOnExit();
        }
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack the bundled examples", e);
    }
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = DefaultSuite.class.getResourceAsStream(EXAMPLES + name)) {
      if (in == null) {
        throw new IOException("missing resource " + EXAMPLES + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
