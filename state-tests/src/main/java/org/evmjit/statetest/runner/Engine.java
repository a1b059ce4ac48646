package org.evmjit.statetest.runner;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Which execution engine runs the transactions, each with its {@link Executor}: the reference
 * interpreter, the JIT (every code compiled before it runs), or both side by side with any
 * divergence reported as a failure, or the JIT runtime (interpreter until code is hot).
 */
public enum Engine {
  INTERPRETER("interpreter", InterpreterExecutor::new),
  JIT("jit", JitExecutor::new),
  BOTH("both", DifferentialExecutor::new),
  /** The JIT runtime: interpreter until hot, then compiled code ({@link RuntimeExecutor}; {@code cli.JitOptions} configures it). */
  RUNTIME("runtime", RuntimeExecutor::withDefaults);

  private final String cliName;
  private final Supplier<Executor> factory;

  Engine(String cliName, Supplier<Executor> factory) {
    this.cliName = cliName;
    this.factory = factory;
  }

  /** The name the {@code --engine} option takes. */
  public String cliName() {
    return cliName;
  }

  public Executor newExecutor() {
    return factory.get();
  }

  /** Parses an {@code --engine} value, ignoring case. */
  public static Engine parse(String name) {
    String key = name.trim().toLowerCase(Locale.ROOT);
    for (Engine e : values()) {
      if (e.cliName.equals(key)) {
        return e;
      }
    }
    throw new IllegalArgumentException("unknown engine '" + name + "'; known: " + knownNames());
  }

  public static String knownNames() {
    return Arrays.stream(values()).map(Engine::cliName).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return cliName;
  }
}
