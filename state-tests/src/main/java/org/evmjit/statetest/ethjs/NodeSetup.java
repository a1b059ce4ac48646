package org.evmjit.statetest.ethjs;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.evmjit.statetest.SharedPaths;

/**
 * Where the ethereumjs engine is and whether it can run: the Node program's folder
 * ({@code engines/ethereumjs} of the repository, or the system property {@code evmjit.ethereumjs}
 * or environment variable {@code EVMJIT_ETHEREUMJS}), its installed packages ({@code node_modules},
 * made by {@code npm ci}, which {@code ./build} runs) and the {@code node} executable (on
 * {@code PATH}, or {@code EVMJIT_NODE}).
 *
 * @param command the command that starts the engine, empty when unavailable
 * @param problem why the engine is unavailable, naming what is missing; null when available
 */
public record NodeSetup(List<String> command, String problem) {
  public static final String PROPERTY = "evmjit.ethereumjs";
  public static final String ENV = "EVMJIT_ETHEREUMJS";
  public static final String NODE_ENV = "EVMJIT_NODE";

  public boolean available() {
    return problem == null;
  }

  /** The setup of this machine. */
  public static NodeSetup find() {
    Optional<Path> folder = folder();
    if (folder.isEmpty()) {
      return unavailable("the Node program engines/ethereumjs/engine.js was not found (set " + ENV
          + " to its folder)");
    }
    return of(folder.get(), node());
  }

  /** The setup with this engine folder and {@code node} executable (null: none found). */
  public static NodeSetup of(Path folder, Path node) {
    if (node == null) {
      return unavailable("node (Node.js 20 or newer) was not found on PATH (or set " + NODE_ENV + ")");
    }
    if (!Files.isDirectory(folder.resolve("node_modules").resolve("@ethereumjs").resolve("vm"))) {
      return unavailable(folder.resolve("node_modules") + " is missing: run 'npm ci' in " + folder
          + " (./build does when npm is installed)");
    }
    return new NodeSetup(List.of(node.toString(), folder.resolve("engine.js").toString()), null);
  }

  private static NodeSetup unavailable(String problem) {
    return new NodeSetup(List.of(), "ethereumjs engine unavailable: " + problem);
  }

  private static Optional<Path> folder() {
    String given = System.getProperty(PROPERTY, System.getenv(ENV));
    if (given != null && !given.isBlank()) {
      return Optional.of(Path.of(given).toAbsolutePath().normalize()).filter(NodeSetup::hasEngine);
    }
    Path cwd = Path.of("").toAbsolutePath().normalize();
    return Optional.of(cwd).filter(p -> hasEngine(p.resolve("engines/ethereumjs")))
        .or(() -> SharedPaths.repositoryRoot().filter(p -> hasEngine(p.resolve("engines/ethereumjs"))))
        .map(p -> p.resolve("engines/ethereumjs"));
  }

  private static boolean hasEngine(Path folder) {
    return Files.isRegularFile(folder.resolve("engine.js"));
  }

  private static Path node() {
    String given = System.getenv(NODE_ENV);
    if (given != null && !given.isBlank()) {
      Path p = Path.of(given);
      return Files.isExecutable(p) ? p : null;
    }
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path p = Path.of(dir.isEmpty() ? "." : dir, "node");
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }
}
