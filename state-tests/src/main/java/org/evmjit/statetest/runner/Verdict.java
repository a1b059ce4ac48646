package org.evmjit.statetest.runner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.evmjit.evm.state.WorldState;
import org.evmjit.evm.tx.TransactionResult;
import org.evmjit.statetest.fixture.Hex;
import org.evmjit.statetest.fixture.PostEntry;

/** Compares what a transaction did with what a post entry expects. */
final class Verdict {
  private Verdict() {}

  /**
   * Why {@code result} does not satisfy {@code entry}, or null when it does. A rejection must be
   * of the expected kind ({@link ExpectedExceptions}); a wrong root is explained by the first
   * differing account of {@code state} when the entry gives the expected post-state.
   */
  static String check(PostEntry entry, TransactionResult result, byte[] stateRoot, byte[] logsHash, WorldState state) {
    List<String> problems = new ArrayList<>();
    if (entry.expectsException() && result.isValid()) {
      problems.add("expected exception " + entry.expectException() + " but the transaction was valid");
    }
    if (entry.expectsException() && !result.isValid()) {
      String mismatch = ExpectedExceptions.mismatch(entry.expectedExceptions(), result.invalidReason());
      if (mismatch != null) {
        problems.add(mismatch);
      }
    }
    boolean rootMatches = Arrays.equals(stateRoot, entry.hash());
    if (!rootMatches) {
      String diff = entry.state() == null ? null : StateDiff.first(state, entry.state());
      problems.add("state root " + Hex.prefixed(stateRoot) + " != expected " + Hex.prefixed(entry.hash())
          + (diff == null ? "" : ": " + diff));
    }
    // Older fixtures (legacytests) have no expectException: a rejected transaction shows only as
    // the unchanged pre-state root, which is all geth's runner checks. So a rejection without
    // expectException fails only together with a wrong root, and then says so.
    if (!entry.expectsException() && !result.isValid() && !rootMatches) {
      problems.add("transaction rejected (" + result.invalidReason() + ") but the fixture expects it to be valid");
    }
    if (!Arrays.equals(logsHash, entry.logs())) {
      problems.add("logs hash " + Hex.prefixed(logsHash) + " != expected " + Hex.prefixed(entry.logs()));
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
