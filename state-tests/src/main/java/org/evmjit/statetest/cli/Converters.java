package org.evmjit.statetest.cli;

import org.evmjit.evm.fork.Fork;
import org.evmjit.statetest.runner.Engine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** picocli converters for option values. */
final class Converters {
  private Converters() {}

  /** {@code --fork}: fixture names ({@code Cancun}, {@code EIP150}, {@code ConstantinopleFix}) and aliases. */
  static final class ForkConverter implements ITypeConverter<Fork> {
    @Override
    public Fork convert(String value) {
      return Fork.byName(value).orElseThrow(() -> new TypeConversionException(
          "unknown fork '" + value + "'; known forks: " + Fork.knownNames()));
    }
  }

  /** {@code --engine}. */
  static final class EngineConverter implements ITypeConverter<Engine> {
    @Override
    public Engine convert(String value) {
      try {
        return Engine.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
