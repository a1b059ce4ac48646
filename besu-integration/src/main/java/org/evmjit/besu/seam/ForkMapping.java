package org.evmjit.besu.seam;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.evmjit.evm.fork.Fork;

/**
 * Which evmjit {@link Fork} runs the frames of a node's fork, as data ({@code forks.properties}):
 * node fork name (Besu's {@code EvmSpecVersion} constant) to evmjit fork. A fork that is not
 * listed is not accelerated.
 */
public final class ForkMapping {
  private final Map<String, Fork> byNodeName;

  ForkMapping(Map<String, Fork> byNodeName) {
    this.byNodeName = Map.copyOf(byNodeName);
  }

  /** The mapping shipped with the plugin. */
  public static ForkMapping load() {
    Properties p = new Properties();
    try (InputStream in = ForkMapping.class.getResourceAsStream("forks.properties")) {
      if (in == null) {
        throw new IllegalStateException("forks.properties missing from the plugin jar");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Fork> map = new TreeMap<>();
    for (String name : p.stringPropertyNames()) {
      String value = p.getProperty(name).trim();
      Fork fork = Fork.byName(value).or(() -> byConstant(value)).orElseThrow(() ->
          new IllegalStateException("forks.properties: " + name + " maps to unknown evmjit fork " + value));
      map.put(name, fork);
    }
    return new ForkMapping(map);
  }

  private static Optional<Fork> byConstant(String name) {
    for (Fork f : Fork.values()) {
      if (f.name().equals(name)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** The evmjit fork for the node's fork {@code nodeName}, empty when evmjit does not accelerate it. */
  public Optional<Fork> forNode(String nodeName) {
    return Optional.ofNullable(byNodeName.get(nodeName));
  }

  /** Node fork names accelerated, sorted by name (for the start-up log line). */
  public Map<String, Fork> accelerated() {
    return new TreeMap<>(byNodeName);
  }
}
