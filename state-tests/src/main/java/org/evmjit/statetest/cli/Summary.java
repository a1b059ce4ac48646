package org.evmjit.statetest.cli;

import org.evmjit.statetest.runner.EntryResult;

/** Counts of passed, failed and skipped entries. Not thread-safe: fed from one thread. */
final class Summary {
  private long passed;
  private long failed;
  private long skipped;

  void add(EntryResult r) {
    switch (r.status()) {
      case PASS -> passed++;
      case FAIL -> failed++;
      case SKIP -> skipped++;
    }
  }

  long passed() {
    return passed;
  }

  long failed() {
    return failed;
  }

  long skipped() {
    return skipped;
  }

  long total() {
    return passed + failed + skipped;
  }

  /** The last line of every run: {@code N passed, N failed, N skipped}. */
  String line() {
    return passed + " passed, " + failed + " failed, " + skipped + " skipped";
  }
}
