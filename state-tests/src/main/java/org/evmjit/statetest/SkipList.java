package org.evmjit.statetest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The explicit list of tests not to run, read from the resource {@value #RESOURCE}. Each line is
 * {@code <file-path-suffix-or-test-name-regex>  # reason}; an entry without a reason is an error.
 */
public final class SkipList {
  public static final String RESOURCE = "org/evmjit/statetest/skip-list.txt";
  private static final Pattern REASON_SEPARATOR = Pattern.compile("\\s+#\\s*");

  /** One entry: the text matched as a path suffix or whole-name regex, and why it is there. */
  public record Entry(String pattern, String reason, Pattern regex) {}

  private final List<Entry> entries;

  private SkipList(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  public static SkipList empty() {
    return new SkipList(List.of());
  }

  /** The skip list bundled with the program. */
  public static SkipList load() {
    try (InputStream in = SkipList.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("resource " + RESOURCE + " is missing");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses skip-list text; {@code source} names it in error messages. */
  public static SkipList parse(String text, String source) {
    List<Entry> entries = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new StringReader(text))) {
      String line;
      int lineNo = 0;
      while ((line = reader.readLine()) != null) {
        lineNo++;
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        String[] parts = REASON_SEPARATOR.split(trimmed, 2);
        if (parts.length < 2 || parts[1].isBlank()) {
          throw new IllegalArgumentException(
              source + ":" + lineNo + ": entry '" + trimmed + "' has no reason (write '  # why')");
        }
        entries.add(new Entry(parts[0], parts[1].strip(), compile(parts[0])));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new SkipList(entries);
  }

  public List<Entry> entries() {
    return entries;
  }

  /**
   * The entry that skips test {@code testName} of file {@code filePath}, if any. A path suffix
   * matches whole path components: {@code add11.json} matches {@code stExample/add11.json} but not
   * {@code xadd11.json}.
   */
  public Optional<Entry> match(String filePath, String testName) {
    String path = filePath.replace('\\', '/');
    for (Entry e : entries) {
      if (path.equals(e.pattern()) || path.endsWith("/" + e.pattern())
          || (e.regex() != null && e.regex().matcher(testName).matches())) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  private static Pattern compile(String text) {
    try {
      return Pattern.compile(text);
    } catch (PatternSyntaxException e) {
      return null; // not a regex: only usable as a path suffix
    }
  }
}
