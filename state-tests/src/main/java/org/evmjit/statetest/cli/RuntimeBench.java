package org.evmjit.statetest.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.evmjit.plugin.runtime.JitRuntime;
import org.evmjit.statetest.bench.BenchCase;
import org.evmjit.statetest.bench.BenchConfig;
import org.evmjit.statetest.bench.BenchResult;
import org.evmjit.statetest.bench.RuntimeBenchRunner;
import org.evmjit.statetest.runner.Engine;
import org.evmjit.statetest.runner.RuntimeExecutor;
import picocli.CommandLine;

/**
 * {@code bench --engine runtime}: for each input, the time until its contract runs compiled
 * (runs and milliseconds, the background compile included), then the steady-state speed and the
 * share of lookups that found compiled code. One runtime, configured by the {@code --jit-*}
 * options, serves all inputs; {@code --stats} gets its final statistics.
 */
final class RuntimeBench {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Io io;
  private final JitOptions jit;
  private final CommandLine cl;
  private final boolean json;
  private final BenchConfig config;
  private final Duration limit;

  /** {@code limit}: how long an input runs waiting for its contract to be compiled ({@code --jit-bench-limit}). */
  RuntimeBench(Io io, JitOptions jit, CommandLine cl, boolean json, BenchConfig config, Duration limit) {
    this.io = io;
    this.jit = jit;
    this.cl = cl;
    this.json = json;
    this.config = config;
    this.limit = limit;
  }

  /** Runs every case; false when one failed. */
  boolean run(List<BenchCase> cases) {
    boolean ok = true;
    try (JitOptions.Session session = jit.open(Engine.RUNTIME, e -> null, cl, io)) {
      JitRuntime rt = session.runtime();
      RuntimeBenchRunner runner = new RuntimeBenchRunner(
          (RuntimeExecutor) session.executor(), Engine.RUNTIME.cliName(), config, limit);
      Table table = new Table(io.out(), cases);
      if (!json) {
        io.err().println("runtime: " + rt + "; 'to compiled' = runs (and time) until the called contract"
            + " is compiled, then the steady state is measured");
        table.header();
      }
      for (BenchCase c : cases) {
        RuntimeBenchRunner.Result r = runner.run(c);
        if (json) {
          io.out().println(toJson(r));
        } else {
          table.row(r);
        }
        io.out().flush();
        if (!r.steady().ok()) {
          io.err().println("bench " + c.file() + " " + c.name() + " " + c.input() + ": "
              + r.steady().status());
          ok = false;
        }
      }
    }
    return ok;
  }

  static String toJson(RuntimeBenchRunner.Result r) {
    BenchResult b = r.steady();
    ObjectNode o = JSON.createObjectNode();
    o.put("suite", b.benchCase().suite());
    o.put("name", b.benchCase().name());
    o.put("input", b.benchCase().input());
    o.put("engine", b.engine());
    o.put("gasUsed", b.gasUsed());
    o.put("runsToCompiled", r.runsToCompiled());
    o.put("msToCompiled", Math.round(r.msToCompiled() * 1000) / 1000.0);
    o.put("medianNs", b.medianNs());
    o.put("mgasPerSec", b.mgasPerSecIfOk());
    o.put("compiledPercent", Math.round(r.compiledPercent() * 10) / 10.0);
    o.put("runs", b.runs());
    o.put("status", b.status());
    return o.toString();
  }

  private static final class Table {
    private final PrintStream out;
    private final String format;

    Table(PrintStream out, List<BenchCase> cases) {
      this.out = out;
      int suite = Math.max(5, cases.stream().mapToInt(c -> c.suite().length()).max().orElse(0));
      int name = Math.max(4, cases.stream().mapToInt(c -> c.name().length()).max().orElse(0));
      int input = Math.max(5, cases.stream().mapToInt(c -> c.input().length()).max().orElse(0));
      this.format = "%-" + suite + "s  %-" + name + "s  %-" + input + "s  %-7s  %13s  %22s  %15s  %10s  %9s  %s%n";
    }

    void header() {
      out.printf(Locale.ROOT, format, "suite", "name", "input", "engine", "gas used", "to compiled",
          "median ns", "Mgas/s", "compiled", "");
    }

    void row(RuntimeBenchRunner.Result r) {
      BenchResult b = r.steady();
      BenchCase c = b.benchCase();
      String toCompiled = r.runsToCompiled() < 0 ? "not compiled"
          : r.runsToCompiled() == 0 ? "already"
          : String.format(Locale.ROOT, "%,d runs, %.1f ms", r.runsToCompiled(), r.msToCompiled());
      if (!b.measured()) {
        out.printf(Locale.ROOT, format, c.suite(), c.name(), c.input(), b.engine(), "-", toCompiled, "-", "-", "-",
            "FAILED: " + b.status());
        return;
      }
      out.printf(Locale.ROOT, format, c.suite(), c.name(), c.input(), b.engine(),
          String.format(Locale.ROOT, "%,d", b.gasUsed()), toCompiled,
          String.format(Locale.ROOT, "%,d", b.medianNs()),
          b.mgasPerSecText(),
          String.format(Locale.ROOT, "%.1f%%", r.compiledPercent()),
          b.ok() ? "" : "(" + b.status() + ")");
    }
  }
}
