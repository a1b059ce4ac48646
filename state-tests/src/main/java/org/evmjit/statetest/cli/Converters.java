package org.evmjit.statetest.cli;

import java.util.HexFormat;
import org.evmjit.evm.fork.Fork;
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

  /** A code hash given on the command line (a record, since picocli takes an array option for a list of values). */
  record CodeHash(byte[] bytes) {
    String hex() {
      return "0x" + HexFormat.of().formatHex(bytes);
    }
  }

  /** {@code --code-hash}: 32 bytes as 64 hex digits, with or without {@code 0x}. */
  static final class CodeHashConverter implements ITypeConverter<CodeHash> {
    @Override
    public CodeHash convert(String value) {
      String hex = value.startsWith("0x") || value.startsWith("0X") ? value.substring(2) : value;
      if (hex.length() != 64) {
        throw new TypeConversionException("'" + value + "' is not a code hash: expected 64 hex digits (32 bytes), found "
            + hex.length());
      }
      try {
        return new CodeHash(HexFormat.of().parseHex(hex));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("'" + value + "' is not a code hash: expected hex digits only");
      }
    }
  }
}
