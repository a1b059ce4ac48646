package org.evmjit.statetest.cli;

import java.io.InputStream;
import java.io.PrintStream;

/**
 * The streams a command uses, so tests can capture them.
 *
 * @param terminal whether standard output is an interactive terminal (then a progress bar is shown)
 */
public record Io(PrintStream out, PrintStream err, InputStream in, boolean terminal) {
  public static Io system() {
    return new Io(System.out, System.err, System.in, Terminal.stdoutIsTerminal());
  }
}
