package org.evmjit.statetest.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.evmjit.evm.fork.Fork;
import org.evmjit.statetest.SharedPaths;
import org.evmjit.statetest.bench.BenchCase;
import org.evmjit.statetest.bench.BenchConfig;
import org.evmjit.statetest.bench.BenchLoader;
import org.evmjit.statetest.bench.BenchResult;
import org.evmjit.statetest.ethjs.EthereumJsEngine;
import org.evmjit.statetest.fixture.FixtureException;
import org.evmjit.statetest.runner.Engine;
import org.evmjit.statetest.runner.Executor;
import org.evmjit.statetest.runner.FixtureFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code evmjit bench}: times benchmark contracts (evm-benchmarks and revmc formats). */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Times benchmark contracts (evm-benchmarks and revmc formats).",
      "Every input of every file runs on a fresh copy of its pre-state; prints the median time"
          + " and Mgas/s. With no PATH, uses ../shared/benchmarks (from the working directory,"
          + " else from the repository)."
    })
final class BenchCommand implements Callable<Integer> {
  private static final JsonFactory JSON = new JsonFactory();

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "0..*",
      description = "Benchmark files, or directories searched recursively for *.json.")
  List<Path> paths = List.of();

  @Option(names = "--json", description = "Print one JSON object per input.")
  boolean json;

  @Option(names = "--warmup", paramLabel = "N",
      description = "Warm-up runs per input (default: as many as fit in about 1 s, at least 1).")
  Integer warmup;

  @Option(names = "--iterations", paramLabel = "N",
      description = "Measured runs per input (default: as many as fit in about 2 s, at least 3).")
  Integer iterations;

  @Option(names = "--engine", paramLabel = "ENGINE", split = ",",
      description = "Execution engines, comma-separated, run side by side on every input:"
          + " interpreter (default), jit, both (= interpreter,jit), ethereumjs (ethereumjs in Node, timed"
          + " inside Node; see engines/ethereumjs), runtime (alone: the time until the contract runs compiled,"
          + " then the steady-state speed; see --jit-*). With several, the table gives each one's speed relative"
          + " to the first, and the compile time and class size of the benchmark contract. Every engine's gas"
          + " used and ending (ok, reverted, halted) must be those of the first evmjit engine (with ethereumjs"
          + " alone, the interpreter's), else the input fails as a divergence.")
  List<String> engineNames = List.of(Engine.INTERPRETER.cliName());

  @Option(names = "--time-limit", paramLabel = "SECONDS",
      description = "Time limit of one input on ethereumjs (its warm-up and measured runs together); past it"
          + " the input is skipped with that reason (default: ${DEFAULT-VALUE}).")
  long timeLimitSeconds = EthereumJsEngine.DEFAULT_TIME_LIMIT_MS / 1000;

  @Option(names = "--fork", paramLabel = "NAME", converter = Converters.ForkConverter.class,
      description = "Run every benchmark under this fork (fixture names such as Cancun, Istanbul,"
          + " EIP150), with the file's post entries for it where it has them. Default: London for"
          + " evm-benchmarks files (else their newest fork), Cancun for revmc transactions.")
  Fork fork;

  @Option(names = "--plot", paramLabel = "FILE",
      description = "Also write the comparison as an SVG bar chart to FILE.")
  Path plot;

  @Mixin JitOptions jit;

  @Option(names = "--jit-bench-limit", paramLabel = "DURATION", converter = JitOptions.DurationConverter.class,
      description = "With --engine runtime: how long an input is run over and over waiting for its"
          + " contract to be compiled before it is measured anyway (default: 30s).")
  Duration benchLimit = Duration.ofSeconds(30);

  private final Io io;
  private final Function<Engine, Executor> executors;

  BenchCommand(Io io, Function<Engine, Executor> executors) {
    this.io = io;
    this.executors = executors;
  }

  @Override
  public Integer call() {
    if ((warmup != null && warmup < 0) || (iterations != null && iterations < 1)) {
      throw new ParameterException(spec.commandLine(), "--warmup must be >= 0 and --iterations >= 1");
    }
    if (timeLimitSeconds < 1) {
      throw new ParameterException(spec.commandLine(), "--time-limit must be >= 1");
    }
    List<String> engines = engineList();
    List<Path> roots = paths.isEmpty() ? List.of(defaultRoot()) : paths;
    List<FixtureFile> files = PathArguments.list(spec.commandLine(), "benchmark files", () -> FixturePaths.expand(roots));
    boolean failed = false;
    List<BenchCase> cases = new ArrayList<>();
    BenchLoader loader = new BenchLoader(Optional.ofNullable(fork));
    for (FixtureFile f : files) {
      try {
        cases.addAll(loader.load(f.path(), f.displayName()));
      } catch (FixtureException | IllegalArgumentException e) {
        io.err().println("cannot load benchmark: " + e.getMessage());
        failed = true;
      } catch (RuntimeException e) { // like state-test: one line naming the file, and on to the next
        io.err().println("cannot load benchmark: " + f.displayName() + ": " + e);
        failed = true;
      }
    }
    if (cases.isEmpty()) {
      io.err().println("evmjit bench: no benchmark found: " + files.size() + " files under " + roots
          + (files.isEmpty() ? "" : ", none of them loaded"));
      return ExitCode.SOFTWARE;
    }
    if (engines.contains(Engine.RUNTIME.cliName())) { // time to compiled, then steady state: see RuntimeBench
      if (engines.size() != 1) {
        throw new ParameterException(spec.commandLine(), "--engine runtime runs alone, not with other engines");
      }
      boolean ok = new RuntimeBench(io, jit, spec.commandLine(), json, BenchConfig.defaults(warmup, iterations),
          benchLimit).run(cases);
      return ok && !failed ? ExitCode.OK : ExitCode.SOFTWARE;
    }
    jit.requireRuntimeForRuntimeOptions(spec.commandLine());
    BenchEngines benchEngines;
    try {
      benchEngines = new BenchEngines(engines, executors, BenchConfig.defaults(warmup, iterations),
          timeLimitSeconds * 1000);
    } catch (IllegalArgumentException e) { // ethereumjs cannot run here: the message names what is missing
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    try (benchEngines) {
      return run(cases, engines, benchEngines) && !failed ? ExitCode.OK : ExitCode.SOFTWARE;
    }
  }

  /** Runs every case on the engines, printing each input's rows as it finishes; false when one failed. */
  private boolean run(List<BenchCase> cases, List<String> engines, BenchEngines benchEngines) {
    boolean failed = false;
    BenchTable table = new BenchTable(io.out(), cases, engines);
    if (!json) {
      table.header();
    }
    List<List<BenchResult>> all = new ArrayList<>();
    for (BenchCase c : cases) {
      List<BenchResult> row = benchEngines.run(c);
      for (BenchResult r : row) {
        if (json) {
          io.out().println(toJson(r));
        } else {
          table.row(r, row.get(0));
        }
        io.out().flush();
        if (!r.ok()) {
          io.err().println("bench " + c.file() + " " + c.name() + " " + c.input()
              + (engines.size() > 1 ? " [" + r.engine() + "]" : "") + ": " + r.status());
          failed |= !r.skipped();
        }
      }
      all.add(row);
    }
    if (!json && engines.size() > 1) {
      table.summary(all);
    }
    if (plot != null) {
      try {
        java.nio.file.Files.writeString(plot, BenchPlot.svg(all));
      } catch (IOException e) {
        io.err().println("cannot write " + plot + ": " + e);
        failed = true;
      }
    }
    return !failed;
  }

  /** The {@code --engine} names, normalized ({@link EngineNames}); a usage error names a bad one. */
  private List<String> engineList() {
    try {
      return EngineNames.parse(engineNames);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private Path defaultRoot() {
    Optional<Path> shared = SharedPaths.find("benchmarks");
    if (shared.isEmpty()) {
      throw new ParameterException(spec.commandLine(),
          "no benchmarks found: give PATH, or put the shared data folder at ../shared (looked for"
              + " benchmarks/ in: "
              + SharedPaths.candidates().stream().map(Path::toString).collect(Collectors.joining(", "))
              + ")");
    }
    return shared.get();
  }

  static String toJson(BenchResult r) {
    StringWriter sw = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(sw)) {
      g.writeStartObject();
      g.writeStringField("suite", r.benchCase().suite());
      g.writeStringField("name", r.benchCase().name());
      g.writeStringField("input", r.benchCase().input());
      g.writeStringField("engine", r.engine());
      g.writeNumberField("gasUsed", r.gasUsed());
      g.writeNumberField("medianNs", r.medianNs());
      if (r.mgasPerSecIfOk() == null) {
        g.writeNullField("mgasPerSec");
      } else {
        g.writeNumberField("mgasPerSec", r.mgasPerSecIfOk());
      }
      if (r.hasExec()) { // execution of the frames only; null when the engine does not report it
        g.writeNumberField("execNs", r.execMedianNs());
      } else {
        g.writeNullField("execNs");
      }
      if (r.hasExec() && r.ok()) {
        g.writeNumberField("execMgasPerSec", Math.round(r.execMgasPerSec() * 1000) / 1000.0);
      } else {
        g.writeNullField("execMgasPerSec");
      }
      if (r.compileNanos() < 0) { // an engine that does not compile
        g.writeNullField("compileMs");
        g.writeNullField("classBytes");
      } else {
        g.writeNumberField("compileMs", Math.round(r.compileNanos() / 1e3) / 1e3);
        g.writeNumberField("classBytes", r.classBytes());
      }
      g.writeNumberField("runs", r.runs());
      g.writeStringField("status", r.status());
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sw.toString();
  }
}
