package org.evmjit.statetest.cli;

import java.io.PrintStream;

/**
 * A one-line progress display on standard error, redrawn at most ten times a second: files done
 * (of the total when known), entries done, passed, failed and the entry rate. Disabled instances
 * print nothing.
 */
final class ProgressBar {
  private static final long REDRAW_NS = 100_000_000L;
  private static final int WIDTH = 24;

  private final PrintStream err;
  private final boolean enabled;
  private final long start = System.nanoTime();
  private long lastDraw;
  private int lastLength;

  ProgressBar(PrintStream err, boolean enabled) {
    this.err = err;
    this.enabled = enabled;
  }

  static ProgressBar disabled() {
    return new ProgressBar(null, false);
  }

  /** Redraws if enough time has passed; {@code filesTotal} is -1 when unknown. */
  void update(long filesDone, long filesTotal, Summary summary) {
    if (!enabled) {
      return;
    }
    long now = System.nanoTime();
    if (now - lastDraw < REDRAW_NS) {
      return;
    }
    lastDraw = now;
    String text = render(filesDone, filesTotal, summary, now - start);
    StringBuilder sb = new StringBuilder("\r").append(text);
    for (int i = text.length(); i < lastLength; i++) {
      sb.append(' ');
    }
    lastLength = text.length();
    err.print(sb);
    err.flush();
  }

  /** Erases the line, before other output is printed. */
  void clear() {
    if (!enabled || lastLength == 0) {
      return;
    }
    err.print("\r" + " ".repeat(lastLength) + "\r");
    err.flush();
    lastLength = 0;
    lastDraw = 0;
  }

  static String render(long filesDone, long filesTotal, Summary s, long elapsedNs) {
    StringBuilder sb = new StringBuilder();
    if (filesTotal > 0) {
      int filled = (int) (WIDTH * filesDone / filesTotal);
      sb.append('[').append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ");
      sb.append(filesDone).append('/').append(filesTotal).append(" files");
    } else {
      sb.append(filesDone).append(" files");
    }
    double seconds = Math.max(elapsedNs, 1) / 1e9;
    sb.append(" | ").append(s.total()).append(" entries: ")
        .append(s.passed()).append(" passed, ")
        .append(s.failed()).append(" failed, ")
        .append(s.skipped()).append(" skipped | ")
        .append(String.format("%.0f/s", s.total() / seconds));
    return sb.toString();
  }
}
