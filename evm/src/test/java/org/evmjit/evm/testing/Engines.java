package org.evmjit.evm.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.evmjit.evm.exec.EngineSelector;
import org.evmjit.evm.interpreter.Interpreter;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The engines every instruction test runs on (one parameterised fixture, as evmone's): the
 * interpreter, plus any an {@link EngineProvider} on the test class path adds.
 */
public final class Engines {
  private Engines() {}

  public static final EngineSelector INTERPRETER = (code, fork) -> Interpreter.forFork(fork);

  public static Stream<Arguments> all() {
    List<Arguments> all = new ArrayList<>();
    all.add(Arguments.of("interpreter", INTERPRETER));
    for (EngineProvider p : ServiceLoader.load(EngineProvider.class)) {
      p.engines().forEach((name, engine) -> all.add(Arguments.of(name, engine)));
    }
    return all.stream();
  }
}
