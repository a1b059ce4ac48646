package org.evmjit.evm.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates the shared test data ({@code ../shared/fixtures}, outside the repository) at run time.
 *
 * <p>The folder is the system property {@value #PROPERTY} (set by the surefire configuration to
 * the project root's {@code ../shared}) when that folder holds the fixtures; otherwise the first
 * {@code ../shared} holding them, seen from the working directory or one of its ancestors (so a
 * checkout nested one level deeper, such as a worktree, still finds them). Tests skip with a
 * message when none is found.
 */
public final class SharedFixtures {
  public static final String PROPERTY = "evmjit.shared";
  private static final ObjectMapper JSON = new ObjectMapper();

  private SharedFixtures() {}

  /** The folder {@code fixtures/ethereum-tests/<name>}; skips the calling test when it is absent. */
  public static Path ethereumTests(String name) {
    String relative = "fixtures/ethereum-tests/" + name;
    Optional<Path> dir = find(relative);
    Assumptions.assumeTrue(dir.isPresent(), () -> "skipped: " + relative + " not found in ../shared"
        + " (system property " + PROPERTY + "=" + System.getProperty(PROPERTY)
        + ", working directory " + Path.of("").toAbsolutePath() + "). Put a copy of the"
        + " ethereum/tests repository's " + name + " folder there to run these tests.");
    return dir.get();
  }

  static Optional<Path> find(String relative) {
    List<Path> candidates = new ArrayList<>();
    String property = System.getProperty(PROPERTY);
    if (property != null && !property.isBlank()) {
      candidates.add(Path.of(property));
    }
    for (Path d = Path.of("").toAbsolutePath(); d.getParent() != null; d = d.getParent()) {
      candidates.add(d.getParent().resolve("shared"));
    }
    return candidates.stream()
        .map(shared -> shared.resolve(relative).normalize())
        .filter(Files::isDirectory)
        .findFirst();
  }

  /** Every {@code .json} file under {@code dir}, in path order. */
  public static List<Path> jsonFiles(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> Files.isRegularFile(p) && p.toString().endsWith(".json"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonNode readJson(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Hex digits with or without a {@code 0x} prefix (either case). */
  public static byte[] hex(String text) {
    String digits = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
    return HexFormat.of().parseHex(digits);
  }

  /** The fixtures' convention for keys and values: {@code 0x}-prefixed hex, else UTF-8 text. */
  public static byte[] hexOrText(String text) {
    return text.startsWith("0x") ? hex(text) : text.getBytes(StandardCharsets.UTF_8);
  }

  public static String toHex(byte[] bytes) {
    return "0x" + HexFormat.of().formatHex(bytes);
  }
}
