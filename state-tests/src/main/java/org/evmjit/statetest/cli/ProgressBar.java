package org.evmjit.statetest.cli;

import java.io.PrintStream;
import java.util.function.LongFunction;

/**
 * A one-line progress display on standard error, redrawn at most ten times a second: for state
 * tests, files done (of the total when known), entries done, passed, failed and the entry rate;
 * other commands draw their own text ({@link #redraw}). Disabled instances print nothing.
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
    redraw(elapsed -> render(filesDone, filesTotal, summary, elapsed));
  }

  /** Redraws, if enough time has passed, with the text {@code render} makes of the nanoseconds elapsed. */
  void redraw(LongFunction<String> render) {
    if (!enabled) {
      return;
    }
    long now = System.nanoTime();
    if (now - lastDraw < REDRAW_NS) {
      return;
    }
    lastDraw = now;
    String text = render.apply(now - start);
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
    StringBuilder sb = new StringBuilder(bar(filesDone, filesTotal, "files"));
    double seconds = Math.max(elapsedNs, 1) / 1e9;
    sb.append(" | ").append(s.total()).append(" entries: ")
        .append(s.passed()).append(" passed, ")
        .append(s.failed()).append(" failed, ")
        .append(s.skipped()).append(" skipped | ")
        .append(String.format("%.0f/s", s.total() / seconds));
    return sb.toString();
  }

  /** {@code [####....] 3/12 files}, or {@code 3 files} when the total is unknown (-1). */
  static String bar(long done, long total, String unit) {
    StringBuilder sb = new StringBuilder();
    if (total > 0) {
      int filled = (int) (WIDTH * Math.min(done, total) / total);
      sb.append('[').append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ");
      sb.append(done).append('/').append(total).append(' ').append(unit);
    } else {
      sb.append(done).append(' ').append(unit);
    }
    return sb.toString();
  }
}
