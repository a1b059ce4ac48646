package org.evmjit.statetest.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.evmjit.evm.fork.Fork;
import org.evmjit.statetest.SkipList;
import org.evmjit.statetest.runner.Engine;
import org.evmjit.statetest.runner.EntryResult;
import org.evmjit.statetest.runner.Executor;
import org.evmjit.statetest.runner.FileRunner;
import org.evmjit.statetest.runner.FixtureFile;
import org.evmjit.statetest.runner.ParallelRunner;
import org.evmjit.statetest.runner.Selection;
import org.evmjit.statetest.runner.StateTestRunner;
import org.evmjit.statetest.trace.Eip3155Tracer;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code evmjit state-test}: runs ethereum/tests state-test fixtures. */
@Command(
    name = "state-test",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Runs ethereum/tests GeneralStateTests fixtures and compares post-state roots and logs.",
      "With no PATH, reads fixture file names from standard input, one per line."
    },
    footer = {"", "The last line is 'N passed, N failed, N skipped'. Exit status: 0 all passed,"
        + " 1 something failed, 2 usage error."})
final class StateTestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "0..*",
      description = "Fixture files, or directories searched recursively for *.json.")
  List<Path> paths = List.of();

  @Option(names = "--fork", paramLabel = "NAME", converter = Converters.ForkConverter.class,
      description = "Only run post entries of this fork (fixture names such as Cancun, EIP150,"
          + " ConstantinopleFix).")
  Fork fork;

  @Option(names = "--run", paramLabel = "REGEX", description = "Only run tests whose name contains a match.")
  Pattern run;

  @Option(names = "--data-index", paramLabel = "D", description = "Only run entries with this data index.")
  Integer dataIndex;

  @Option(names = "--gas-index", paramLabel = "G", description = "Only run entries with this gas index.")
  Integer gasIndex;

  @Option(names = "--value-index", paramLabel = "V", description = "Only run entries with this value index.")
  Integer valueIndex;

  @Option(names = "--json", description = "Print one JSON summary object per entry (Besu evmtool format).")
  boolean json;

  @Option(names = "--trace", description = "Write an EIP-3155 trace to standard error (forces --workers 1).")
  boolean trace;

  @Option(names = "--workers", paramLabel = "N", description = "Files run in parallel (default: ${DEFAULT-VALUE}).")
  int workers = Runtime.getRuntime().availableProcessors();

  @Option(names = "--default-suite",
      description = "Instead of PATHs, run the Cancun entries of GeneralStateTests in%n"
          + "../shared/fixtures/ethereum-tests%n" // a line of its own: picocli would break the path
          + "when present, else the examples bundled with evmjit (every fork); --fork picks another fork.")
  boolean defaultSuite;

  @Option(names = "--engine", paramLabel = "ENGINE", converter = Converters.EngineConverter.class,
      description = "Execution engine: interpreter (default), jit (every code compiled before it"
          + " runs), or both (each entry on both; any difference in status, gas used, output, logs"
          + " hash or state root fails, naming the first differing field), or runtime (the JIT runtime:"
          + " interpreter until code is hot, then compiled; see --jit-*).")
  Engine engine = Engine.INTERPRETER;

  @Mixin JitOptions jit;

  private final Io io;
  private final Function<Engine, Executor> executors;

  StateTestCommand(Io io, Function<Engine, Executor> executors) {
    this.io = io;
    this.executors = executors;
  }

  @Override
  public Integer call() {
    if (workers < 1) {
      throw new ParameterException(spec.commandLine(), "--workers must be at least 1, not " + workers);
    }
    if (defaultSuite) {
      if (!paths.isEmpty()) {
        throw new ParameterException(spec.commandLine(), "--default-suite takes no PATH");
      }
      DefaultSuite.Choice choice = DefaultSuite.choose();
      io.err().println(choice.description());
      paths = List.of(choice.folder());
      fork = fork == null ? choice.fork() : fork;
    }
    Iterator<FixtureFile> files;
    long fileCount;
    if (paths.isEmpty()) {
      files = FixturePaths.fromLines(io.in());
      fileCount = -1;
    } else {
      List<FixtureFile> list = expand();
      files = list.iterator();
      fileCount = list.size();
    }
    PrintStream traceOut = trace ? traceStream() : null;
    JitOptions.Session session = jit.open(engine, executors, spec.commandLine(), io,
        fork == null ? List.of() : List.of(fork));
    StateTestRunner runner = new StateTestRunner(
        session.executor(), SkipList.load(),
        traceOut == null ? null : (test, entry) -> new Eip3155Tracer(traceOut));
    FileRunner fileRunner = new FileRunner(runner, new Selection(fork, run, dataIndex, gasIndex, valueIndex));

    ProgressBar progress = new ProgressBar(io.err(), io.terminal() && !json && !trace);
    ResultWriter writer = json ? new JsonResultWriter(io.out()) : new TextResultWriter(io.out(), progress);
    Summary summary = new Summary();
    long[] filesDone = {0};
    new ParallelRunner(trace ? 1 : workers).run(files, fileRunner::run, results -> {
      for (EntryResult r : results) {
        summary.add(r);
        writer.write(r);
      }
      filesDone[0]++;
      if (traceOut != null) {
        traceOut.flush();
      }
      io.out().flush();
      progress.update(filesDone[0], fileCount, summary);
    });
    progress.clear();
    session.close();
    io.out().println(summary.line() + (defaultSuite && fork != null ? " (fork " + fork.fixtureName() + ")" : ""));
    io.out().flush();
    if (summary.passed() + summary.failed() + summary.skipped() == 0) {
      io.err().println("evmjit: no test found: " + (fileCount < 0 ? "standard input named " + filesDone[0]
          + " files" : fileCount + " files under " + paths) + ", and no entry in them matched the selection");
      return ExitCode.SOFTWARE;
    }
    return summary.failed() > 0 ? ExitCode.SOFTWARE : ExitCode.OK;
  }

  private List<FixtureFile> expand() {
    return PathArguments.list(spec.commandLine(), "fixture files", () -> FixturePaths.expand(paths));
  }

  /** Standard error, buffered: traces can have millions of lines. */
  private PrintStream traceStream() {
    if (io.err() == System.err) {
      return new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.err), 1 << 16), false);
    }
    return io.err();
  }
}
