package org.evmjit.statetest.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A fixture file's JSON tree, read on first use (only engines that take the fixture's own JSON,
 * such as ethereumjs, ask for it) and kept while the file runs.
 */
public final class FixtureTree {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final Path path;
  private JsonNode root;

  public FixtureTree(Path path) {
    this.path = path;
  }

  /** The test object named {@code name}. */
  public synchronized JsonNode test(String name) {
    if (root == null) {
      try {
        root = MAPPER.readTree(path.toFile());
      } catch (IOException e) {
        throw new UncheckedIOException(path + ": " + e.getMessage(), e);
      }
    }
    return root.get(name);
  }
}
