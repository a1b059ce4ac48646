package org.evmjit.statetest.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether standard output is an interactive terminal (then a progress bar is worth drawing). */
final class Terminal {
  private static final Path STDOUT_LINK = Path.of("/proc/self/fd/1");

  private Terminal() {}

  static boolean stdoutIsTerminal() {
    Console console = System.console();
    if (console == null || !isTerminal(console)) {
      return false;
    }
    // Since JDK 22 a Console may exist although output is redirected; on Linux look at fd 1.
    if (Files.isSymbolicLink(STDOUT_LINK)) {
      try {
        String target = Files.readSymbolicLink(STDOUT_LINK).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
      } catch (IOException | SecurityException e) {
        return false;
      }
    }
    return true;
  }

  /** {@code Console.isTerminal()} (JDK 22+), called reflectively since the code targets Java 21. */
  private static boolean isTerminal(Console console) {
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true; // JDK 21: a non-null console means a terminal
    }
  }
}
