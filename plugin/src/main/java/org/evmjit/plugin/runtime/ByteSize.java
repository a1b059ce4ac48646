package org.evmjit.plugin.runtime;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes in bytes as operators write them: {@code 65536}, {@code 64k}, {@code 64KiB}, {@code 64M},
 * {@code 1G} (binary multiples); the CLI's and the Besu plugin's budget options read them.
 */
public final class ByteSize {
  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kmgt]?)(i?b)?", Pattern.CASE_INSENSITIVE);

  private ByteSize() {}

  /** The size {@code value} names; an {@link IllegalArgumentException} saying why when it names none. */
  public static long parse(String value) {
    Matcher m = SIZE.matcher(value.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + value + "' is not a size in bytes (examples: 65536, 64k, 64M, 1G)");
    }
    int shift = switch (m.group(2).toLowerCase(Locale.ROOT)) {
      case "k" -> 10;
      case "m" -> 20;
      case "g" -> 30;
      case "t" -> 40;
      default -> 0;
    };
    try {
      return Math.multiplyExact(Long.parseLong(m.group(1)), 1L << shift);
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException("'" + value + "' is too large");
    }
  }
}
