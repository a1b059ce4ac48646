package org.evmjit.statetest;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Finds the shared data folder ({@code ../shared} next to the repository: {@code fixtures/},
 * {@code benchmarks/}), which is never copied into the repository. Candidates, first existing
 * wins: the system property {@value #PROPERTY}, the environment variable {@value #ENV},
 * {@code ../shared} from the working directory, {@code ../shared} from the repository holding
 * this code (the jar's or classes folder's), then a {@code shared} folder beside any ancestor of
 * those two (so a checkout in a nested work tree still finds it).
 */
public final class SharedPaths {
  public static final String PROPERTY = "evmjit.shared";
  public static final String ENV = "EVMJIT_SHARED";

  private SharedPaths() {}

  /** The shared folder, if any candidate exists. */
  public static Optional<Path> find() {
    return candidates().stream().filter(SharedPaths::looksShared).findFirst();
  }

  /** {@code shared/<sub>} if it exists. */
  public static Optional<Path> find(String sub) {
    return find().map(p -> p.resolve(sub)).filter(Files::isDirectory);
  }

  /** Where {@link #find} looks, in order (for messages). */
  public static List<Path> candidates() {
    LinkedHashSet<Path> out = new LinkedHashSet<>();
    String prop = System.getProperty(PROPERTY);
    if (prop != null && !prop.isBlank()) {
      out.add(Path.of(prop).toAbsolutePath().normalize());
    }
    String env = System.getenv(ENV);
    if (env != null && !env.isBlank()) {
      out.add(Path.of(env).toAbsolutePath().normalize());
    }
    Path cwd = Path.of("").toAbsolutePath().normalize();
    Optional<Path> repo = repositoryRoot();
    out.add(cwd.resolveSibling("shared"));
    repo.ifPresent(r -> out.add(r.resolveSibling("shared")));
    List<Path> starts = new ArrayList<>(List.of(cwd));
    repo.ifPresent(starts::add);
    for (Path start : starts) {
      for (Path p = start; p != null && p.getParent() != null; p = p.getParent()) {
        out.add(p.resolveSibling("shared"));
      }
    }
    return List.copyOf(out);
  }

  /** The repository holding this code: the nearest ancestor with both {@code evm} and {@code state-tests}. */
  public static Optional<Path> repositoryRoot() {
    try {
      Path p = Path.of(SharedPaths.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toAbsolutePath().normalize();
      for (; p != null; p = p.getParent()) {
        if (Files.isDirectory(p.resolve("evm")) && Files.isDirectory(p.resolve("state-tests"))) {
          return Optional.of(p);
        }
      }
    } catch (URISyntaxException | SecurityException | NullPointerException
        | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      // no usable code location
    }
    return Optional.empty();
  }

  private static boolean looksShared(Path p) {
    return Files.isDirectory(p.resolve("fixtures")) || Files.isDirectory(p.resolve("benchmarks"));
  }
}
