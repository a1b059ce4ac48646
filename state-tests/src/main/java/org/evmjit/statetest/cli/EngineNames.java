package org.evmjit.statetest.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.evmjit.statetest.ethjs.EthereumJsEngine;
import org.evmjit.statetest.runner.Engine;

/**
 * The {@code --engine} list: evmjit's engines ({@link Engine}) and {@code ethereumjs}, in the
 * order given; {@code both} is {@code interpreter,jit}. Each name at most once.
 */
final class EngineNames {
  private EngineNames() {}

  /** The normalized list; throws IllegalArgumentException naming an unknown or repeated engine. */
  static List<String> parse(List<String> given) {
    List<String> out = new ArrayList<>();
    for (String raw : given) {
      String name = raw.trim().toLowerCase(Locale.ROOT);
      List<String> expanded = name.equals(Engine.BOTH.cliName())
          ? List.of(Engine.INTERPRETER.cliName(), Engine.JIT.cliName()) : List.of(name);
      for (String n : expanded) {
        if (!n.equals(EthereumJsEngine.NAME)) {
          try {
            Engine.parse(n);
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + ", " + EthereumJsEngine.NAME);
          }
        }
        if (out.contains(n)) {
          throw new IllegalArgumentException("engine '" + n + "' named twice in --engine");
        }
        out.add(n);
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("--engine names no engine");
    }
    return out;
  }
}
