package org.evmjit.store;

import java.nio.file.Path;

/**
 * The store cannot be opened or written: a directory that is missing and cannot be created, not
 * writable, locked by another process, or not an evmjit store. The message names the directory
 * and says what to do; callers go on without the store (in memory only).
 */
public class StoreUnavailableException extends RuntimeException {
  private final Path directory;

  public StoreUnavailableException(Path directory, String message, Throwable cause) {
    super(directory + ": " + message, cause);
    this.directory = directory;
  }

  public Path directory() {
    return directory;
  }
}
