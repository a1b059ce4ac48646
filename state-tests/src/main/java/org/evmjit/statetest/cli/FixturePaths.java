package org.evmjit.statetest.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.evmjit.statetest.FileTree;
import org.evmjit.statetest.runner.FixtureFile;

/** Turns command-line paths or standard input into the list of fixture files to run. */
final class FixturePaths {
  private FixturePaths() {}

  /**
   * Files as given, and every {@code *.json} under directories (recursively, following links), sorted by display
   * name: the path relative to the named directory (prefixed with the directory's own name when
   * several paths are given), or the path as given for files.
   *
   * @throws NoSuchFileException if a path does not exist
   */
  static List<FixtureFile> expand(List<Path> paths) throws IOException {
    Map<Path, FixtureFile> files = new LinkedHashMap<>();
    for (Path p : paths) {
      if (!Files.exists(p)) {
        throw new NoSuchFileException(p.toString(), null, "no such file or directory");
      }
      if (Files.isDirectory(p)) {
        Path base = paths.size() > 1 && p.toAbsolutePath().normalize().getParent() != null
            ? p.toAbsolutePath().normalize().getParent()
            : p;
        FileTree.files(p).stream().filter(f -> f.getFileName().toString().endsWith(".json"))
            .forEach(f -> files.putIfAbsent(key(f), new FixtureFile(f, slashes(base.relativize(base == p ? f : f.toAbsolutePath().normalize())))));
      } else {
        files.putIfAbsent(key(p), new FixtureFile(p, slashes(p.normalize())));
      }
    }
    List<FixtureFile> sorted = new ArrayList<>(files.values());
    sorted.sort(Comparator.comparing(FixtureFile::displayName).thenComparing(f -> f.path().toString()));
    return sorted;
  }

  /** File names read from {@code in}, one per line (blank lines ignored), as they arrive. */
  static Iterator<FixtureFile> fromLines(InputStream in) {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    return new Iterator<>() {
      private String next;

      @Override
      public boolean hasNext() {
        try {
          while (next == null) {
            String line = reader.readLine();
            if (line == null) {
              return false;
            }
            if (!line.isBlank()) {
              next = line.strip();
            }
          }
          return true;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public FixtureFile next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        String name = next;
        next = null;
        return new FixtureFile(Path.of(name), name);
      }
    };
  }

  private static Path key(Path p) {
    return p.toAbsolutePath().normalize();
  }

  private static String slashes(Path p) {
    return p.toString().replace('\\', '/');
  }
}
