package org.evmjit.evm.fork;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Ethereum mainnet forks in order. Rules are asked as "is this fork at least X"
 * ({@link #isAtLeast}); what changes per fork lives in data tables ({@code OpcodeTable},
 * {@code GasSchedule}), never in copies of code.
 */
public enum Fork {
  FRONTIER("Frontier"),
  HOMESTEAD("Homestead"),
  TANGERINE_WHISTLE("EIP150"),
  SPURIOUS_DRAGON("EIP158"),
  BYZANTIUM("Byzantium"),
  CONSTANTINOPLE("Constantinople"),
  PETERSBURG("ConstantinopleFix"),
  ISTANBUL("Istanbul"),
  BERLIN("Berlin"),
  LONDON("London"),
  PARIS("Paris"),
  SHANGHAI("Shanghai"),
  CANCUN("Cancun"),
  PRAGUE("Prague"),
  OSAKA("Osaka");

  /** The name the ethereum/tests fixtures use in their {@code post} sections. */
  private final String fixtureName;

  Fork(String fixtureName) {
    this.fixtureName = fixtureName;
  }

  public String fixtureName() {
    return fixtureName;
  }

  public boolean isAtLeast(Fork other) {
    return ordinal() >= other.ordinal();
  }

  /**
   * Finds a fork by its fixture name ({@code EIP150}, {@code ConstantinopleFix}), its enum name
   * ({@code TANGERINE_WHISTLE}) or a common alias ({@code Merge}, {@code Petersburg}),
   * ignoring case.
   */
  public static Optional<Fork> byName(String name) {
    String key = name.trim().toLowerCase(Locale.ROOT);
    for (Fork f : values()) {
      if (f.fixtureName.toLowerCase(Locale.ROOT).equals(key)
          || f.name().toLowerCase(Locale.ROOT).equals(key)
          || f.name().replace("_", "").toLowerCase(Locale.ROOT).equals(key)) {
        return Optional.of(f);
      }
    }
    return switch (key) {
      case "merge" -> Optional.of(PARIS);
      case "petersburg" -> Optional.of(PETERSBURG);
      case "tangerinewhistle" -> Optional.of(TANGERINE_WHISTLE);
      case "spuriousdragon" -> Optional.of(SPURIOUS_DRAGON);
      default -> Optional.empty();
    };
  }

  /** The names accepted by {@link #byName}, for error messages. */
  public static String knownNames() {
    return Arrays.stream(values()).map(Fork::fixtureName).collect(Collectors.joining(", "));
  }
}
