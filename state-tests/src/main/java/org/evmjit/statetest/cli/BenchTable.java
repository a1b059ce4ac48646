package org.evmjit.statetest.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.evmjit.statetest.bench.BenchCase;
import org.evmjit.statetest.bench.BenchResult;

/** Prints benchmark results as an aligned table, a row as each input finishes. */
final class BenchTable {
  private final PrintStream out;
  private final String format;

  BenchTable(PrintStream out, List<BenchCase> cases, String engine) {
    this.out = out;
    int suite = Math.max(5, cases.stream().mapToInt(c -> c.suite().length()).max().orElse(0));
    int name = Math.max(4, cases.stream().mapToInt(c -> c.name().length()).max().orElse(0));
    int input = Math.max(5, cases.stream().mapToInt(c -> c.input().length()).max().orElse(0));
    int eng = Math.max(6, engine.length());
    this.format = "%-" + suite + "s  %-" + name + "s  %-" + input + "s  %-" + eng + "s  %13s  %15s  %10s  %s%n";
  }

  void header() {
    out.printf(Locale.ROOT, format, "suite", "name", "input", "engine", "gas used", "median ns", "Mgas/s", "");
  }

  void row(BenchResult r) {
    BenchCase c = r.benchCase();
    if (!r.measured()) {
      out.printf(Locale.ROOT, format, c.suite(), c.name(), c.input(), r.engine(), "-", "-", "-", "FAILED: " + r.status());
      return;
    }
    out.printf(Locale.ROOT, format, c.suite(), c.name(), c.input(), r.engine(),
        String.format(Locale.ROOT, "%,d", r.gasUsed()),
        String.format(Locale.ROOT, "%,d", r.medianNs()),
        String.format(Locale.ROOT, "%.2f", r.mgasPerSec()),
        r.ok() ? "" : "(" + r.status() + ")");
  }
}
