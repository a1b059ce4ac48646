package org.evmjit.statetest.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.evmjit.statetest.bench.BenchCase;
import org.evmjit.statetest.bench.BenchResult;

/**
 * Prints benchmark results as an aligned table, a row as each input finishes on each engine;
 * with several engines, each row also gives its speed relative to the first engine's and the
 * compile time and class size where the engine compiles, and a closing line the geometric means.
 * "median ns" and "Mgas/s" time the whole transaction; "exec ns" and "exec Mgas/s" only the
 * execution of its frames (without validation, gas purchase, warming and finalisation), and
 * "exec ratio" compares those. An input an engine skipped (ethereumjs past its time limit) says
 * "skipped:" and why; one that failed "FAILED:".
 */
final class BenchTable {
  private final PrintStream out;
  private final String format;
  private final boolean compare;

  BenchTable(PrintStream out, List<BenchCase> cases, List<String> engines) {
    this.out = out;
    this.compare = engines.size() > 1;
    int suite = Math.max(5, cases.stream().mapToInt(c -> c.suite().length()).max().orElse(0));
    int name = Math.max(4, cases.stream().mapToInt(c -> c.name().length()).max().orElse(0));
    int input = Math.max(5, cases.stream().mapToInt(c -> c.input().length()).max().orElse(0));
    int eng = Math.max(6, engines.stream().mapToInt(String::length).max().orElse(0));
    this.format = "%-" + suite + "s  %-" + name + "s  %-" + input + "s  %-" + eng + "s  %13s  %15s  %10s  %15s  %11s"
        + (compare ? "  %7s  %10s  %10s  %11s" : "") + "  %s%n";
  }

  void header() {
    if (compare) {
      out.printf(Locale.ROOT, format, "suite", "name", "input", "engine", "gas used", "median ns", "Mgas/s",
          "exec ns", "exec Mgas/s", "ratio", "exec ratio", "compile ms", "class bytes", "");
    } else {
      out.printf(Locale.ROOT, format, "suite", "name", "input", "engine", "gas used", "median ns", "Mgas/s",
          "exec ns", "exec Mgas/s", "");
    }
  }

  void row(BenchResult r, BenchResult baseline) {
    BenchCase c = r.benchCase();
    if (!r.measured()) {
      String why = r.skipped() ? r.status() : "FAILED: " + r.status();
      if (compare) {
        out.printf(Locale.ROOT, format, c.suite(), c.name(), c.input(), r.engine(), "-", "-", "-", "-", "-", "-", "-", "-",
            "-", why);
      } else {
        out.printf(Locale.ROOT, format, c.suite(), c.name(), c.input(), r.engine(), "-", "-", "-", "-", "-", why);
      }
      return;
    }
    String gas = String.format(Locale.ROOT, "%,d", r.gasUsed());
    String ns = String.format(Locale.ROOT, "%,d", r.medianNs());
    String mgas = r.mgasPerSecText();
    String execNs = r.hasExec() ? String.format(Locale.ROOT, "%,d", r.execMedianNs()) : "-";
    String execMgas = r.hasExec() && r.ok() ? String.format(Locale.ROOT, "%.2f", r.execMgasPerSec()) : "-";
    String note = r.ok() ? "" : "(" + r.status() + ")";
    if (!compare) {
      out.printf(Locale.ROOT, format, c.suite(), c.name(), c.input(), r.engine(), gas, ns, mgas, execNs, execMgas, note);
      return;
    }
    String ratio = baseline.measured() && baseline.medianNs() > 0
        ? String.format(Locale.ROOT, "%.2fx", (double) baseline.medianNs() / r.medianNs()) : "-";
    String execRatio = baseline.hasExec() && r.hasExec()
        ? String.format(Locale.ROOT, "%.2fx", (double) baseline.execMedianNs() / r.execMedianNs()) : "-";
    String compile = r.compileNanos() < 0 ? "-" : String.format(Locale.ROOT, "%.2f", r.compileNanos() / 1e6);
    String bytes = r.compileNanos() < 0 ? "-" : String.format(Locale.ROOT, "%,d", r.classBytes());
    out.printf(Locale.ROOT, format, c.suite(), c.name(), c.input(), r.engine(), gas, ns, mgas, execNs, execMgas, ratio, execRatio,
        compile, bytes, note);
  }

  /**
   * Geometric mean, per engine, of its speed relative to the first engine, over inputs that ran to
   * a normal end on both: for whole transactions, then for execution only where both measured it.
   */
  void summary(List<List<BenchResult>> rows) {
    int engines = rows.isEmpty() ? 0 : rows.get(0).size();
    for (int e = 1; e < engines; e++) {
      double logSum = 0, execLogSum = 0;
      int n = 0, execN = 0;
      for (List<BenchResult> row : rows) {
        BenchResult base = row.get(0), r = row.get(e);
        if (base.ok() && r.ok() && r.medianNs() > 0) {
          logSum += Math.log((double) base.medianNs() / r.medianNs());
          n++;
          if (base.hasExec() && r.hasExec()) {
            execLogSum += Math.log((double) base.execMedianNs() / r.execMedianNs());
            execN++;
          }
        }
      }
      String vs = rows.get(0).get(e).engine() + " vs " + rows.get(0).get(0).engine();
      out.printf(Locale.ROOT, "%s: geometric mean speed-up %.2fx over %d inputs%n",
          vs, n == 0 ? 0 : Math.exp(logSum / n), n);
      if (execN > 0) {
        out.printf(Locale.ROOT, "%s, execution only: geometric mean speed-up %.2fx over %d inputs%n",
            vs, Math.exp(execLogSum / execN), execN);
      }
    }
  }
}
