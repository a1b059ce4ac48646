package org.evmjit.statetest.runner;

import java.util.ArrayList;
import java.util.List;
import org.evmjit.statetest.fixture.Hex;
import org.evmjit.statetest.fixture.PostEntry;

/** Compares what a transaction did with what a post entry expects. */
final class Verdict {
  private Verdict() {}

  /**
   * Why {@code result} does not satisfy {@code entry}, or null when it does. When the outcome is
   * evmjit's own (it carries the post-state), a rejection must be of the expected kind
   * ({@link ExpectedExceptions}) and a wrong root is explained by the first differing account of
   * the entry's expected {@code state}.
   */
  static String check(PostEntry entry, Outcome result) {
    List<String> problems = new ArrayList<>();
    boolean valid = result.rejection() == null;
    if (entry.expectsException() && valid) {
      problems.add("expected exception " + entry.expectException() + " but the transaction was valid");
    }
    if (entry.expectsException() && !valid && result.postState() != null) {
      String mismatch = ExpectedExceptions.mismatch(entry.expectedExceptions(), result.rejection());
      if (mismatch != null) {
        problems.add(mismatch);
      }
    }
    boolean rootMatches = result.stateRoot().equalsIgnoreCase(Hex.prefixed(entry.hash()));
    if (!rootMatches) {
      String diff = entry.state() == null || result.postState() == null
          ? null : StateDiff.first(result.postState(), entry.state());
      problems.add("state root " + result.stateRoot() + " != expected " + Hex.prefixed(entry.hash())
          + (diff == null ? "" : ": " + diff));
    }
    // Older fixtures (legacytests) have no expectException: a rejected transaction shows only as
    // the unchanged pre-state root, which is all geth's runner checks. So a rejection without
    // expectException fails only together with a wrong root, and then says so.
    if (!entry.expectsException() && !valid && !rootMatches) {
      problems.add("transaction rejected (" + result.rejection() + ") but the fixture expects it to be valid");
    }
    if (!result.logsHash().equalsIgnoreCase(Hex.prefixed(entry.logs()))) {
      problems.add("logs hash " + result.logsHash() + " != expected " + Hex.prefixed(entry.logs()));
    }
    return problems.isEmpty() ? null : String.join("; ", problems);
  }

  /** A one-line description of an exception thrown while running an entry, with where it came from. */
  static String describe(Throwable t) {
    StringBuilder sb = new StringBuilder(t.getClass().getName());
    if (t.getMessage() != null) {
      sb.append(": ").append(t.getMessage());
    }
    StackTraceElement[] frames = t.getStackTrace();
    if (frames.length > 0) {
      sb.append(" (at ").append(frames[0]).append(')');
    }
    if (t.getCause() != null && t.getCause() != t) {
      sb.append("; caused by ").append(describe(t.getCause()));
    }
    return sb.toString();
  }
}
