package org.evmjit.evm.testing;

import java.util.stream.Stream;
import org.evmjit.evm.exec.EngineSelector;
import org.evmjit.evm.interpreter.Interpreter;
import org.junit.jupiter.params.provider.Arguments;

/** The engines every instruction test runs on (one parameterised fixture, as evmone's). */
public final class Engines {
  private Engines() {}

  public static final EngineSelector INTERPRETER = (code, fork) -> Interpreter.forFork(fork);

  public static Stream<Arguments> all() {
    return Stream.of(Arguments.of("interpreter", INTERPRETER));
  }
}
