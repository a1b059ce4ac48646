package org.evmjit.besu;

/** Besu is not shaped as the plugin expects (a type, field or service differs): nothing is changed. */
final class IncompatibleBesuException extends Exception {
  IncompatibleBesuException(String message) {
    super(message);
  }
}
