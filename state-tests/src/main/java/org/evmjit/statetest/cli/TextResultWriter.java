package org.evmjit.statetest.cli;

import java.io.PrintStream;
import org.evmjit.statetest.runner.EntryResult;

/** One readable line per failed or skipped entry (with why); passes are only counted. */
final class TextResultWriter implements ResultWriter {
  private final PrintStream out;
  private final ProgressBar progress;

  TextResultWriter(PrintStream out, ProgressBar progress) {
    this.out = out;
    this.progress = progress;
  }

  @Override
  public void write(EntryResult r) {
    if (r.failed() || r.skipped()) {
      progress.clear();
      out.println(line(r));
    }
  }

  /**
   * {@code FAIL file test fork d=0 g=0 v=0: why} (or {@code SKIP ...}), or {@code FAIL why} for a file
   * that did not load.
   */
  static String line(EntryResult r) {
    boolean fileLevel = r.d() < 0 && r.error() != null && r.error().startsWith(r.file());
    String word = r.skipped() ? "SKIP " : "FAIL ";
    return word + (fileLevel ? r.error() : r.where() + ": " + r.error());
  }
}
