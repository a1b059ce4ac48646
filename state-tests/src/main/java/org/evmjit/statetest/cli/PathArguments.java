package org.evmjit.statetest.cli;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Listing the files PATH arguments name, where a missing path or an unreadable directory is a usage error. */
final class PathArguments {
  private PathArguments() {}

  /** Something that lists files and may fail on the file system. */
  @FunctionalInterface
  interface Lister<T> {
    T list() throws IOException;
  }

  /** {@code lister}'s files; a missing path or an I/O error becomes a usage error of {@code cl} ({@code what}: "fixture files"). */
  static <T> T list(CommandLine cl, String what, Lister<T> lister) {
    try {
      return lister.list();
    } catch (NoSuchFileException e) {
      throw new ParameterException(cl, "no such file or directory: " + e.getFile());
    } catch (IOException e) {
      throw new ParameterException(cl, "cannot list " + what + ": " + e);
    }
  }
}
