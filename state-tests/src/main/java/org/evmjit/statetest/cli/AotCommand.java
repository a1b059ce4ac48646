package org.evmjit.statetest.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.evmjit.evm.fork.Fork;
import org.evmjit.plugin.compiler.CompilerFingerprint;
import org.evmjit.statetest.aot.AotCompiler;
import org.evmjit.statetest.aot.AotTally;
import org.evmjit.statetest.aot.CodeFiles;
import org.evmjit.statetest.aot.CodeScanner;
import org.evmjit.store.ArtifactStore;
import org.evmjit.store.StoreUnavailableException;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code evmjit aot}: compiles contract code ahead of time into an artifact store. */
@Command(
    name = "aot",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Compiles contract code ahead of time into an artifact store, for 'state-test --store' and 'bench --store'"
          + " (or a node) to preload.",
      "Reads the pre-state code of state-test fixtures and benchmark files (*.json), and bytecode files (*.hex: hex"
          + " text, 0x optional; *.bin: hex text or raw bytes); directories are searched recursively. Each distinct"
          + " code is compiled once per fork, unless the store has it under this compiler's fingerprint already."
    },
    footer = {"", "The last line counts compiled, skipped (by reason) and failed contracts. Exit status: 0 nothing"
        + " failed, 1 something failed (a bad input, a compile, a write), 2 usage error."})
final class AotCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Input files, or directories searched recursively.")
  List<Path> paths;

  @Option(names = "--store", paramLabel = "DIR", required = true,
      description = "The artifact store (created if absent).")
  Path store;

  @Option(names = "--fork", paramLabel = "NAME", split = ",", converter = Converters.ForkConverter.class,
      description = "Forks to compile for, repeatable or comma-separated (fixture names such as Cancun, London;"
          + " default: Cancun).")
  List<Fork> forks = List.of(Fork.CANCUN);

  @Option(names = "--workers", paramLabel = "N", description = "Threads reading and compiling (default: ${DEFAULT-VALUE}).")
  int workers = Runtime.getRuntime().availableProcessors();

  private final Io io;

  AotCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() throws InterruptedException {
    if (workers < 1) {
      throw new ParameterException(spec.commandLine(), "--workers must be at least 1, not " + workers);
    }
    List<Path> inputs = PathArguments.list(spec.commandLine(), "input files", () -> CodeFiles.expand(paths));
    long start = System.nanoTime();
    ArtifactStore artifacts;
    try {
      artifacts = StoreOpener.open(store, 0);
    } catch (StoreUnavailableException e) {
      io.err().println("evmjit aot: artifact store unavailable: " + e.getMessage());
      return ExitCode.SOFTWARE;
    }
    ProgressBar progress = new ProgressBar(io.err(), io.terminal());
    AotTally tally = new AotTally();
    String fingerprint = CompilerFingerprint.get();
    try (artifacts) {
      CodeScanner.Result scan = new CodeScanner(workers).scan(inputs, failure -> report(progress, failure),
          done -> progress.redraw(ns -> ProgressBar.bar(done, inputs.size(), "files") + " read"));
      tally.addFailed(scan.failedFiles());
      long total = (long) scan.codes().size() * forks.size();
      long compileStart = System.nanoTime();
      new AotCompiler(artifacts, fingerprint, workers).run(scan.codes(), forks, tally,
          failure -> report(progress, failure),
          done -> progress.redraw(ns -> ProgressBar.bar(done, total, "contracts") + String.format(Locale.ROOT,
              " | %,d compiled, %,d skipped, %,d failed", tally.compiled(), tally.skipped(), tally.failed())));
      progress.clear();
      long end = System.nanoTime();
      io.err().printf(Locale.ROOT, "evmjit aot: %,d files, %,d codes (%,d distinct) x %d fork(s) %s; read %.1f s,"
              + " compiled %.1f s; store %s, fingerprint %s%n",
          scan.files(), scan.seen(), scan.codes().size(), forks.size(), forks.stream().map(Fork::fixtureName).toList(),
          (compileStart - start) / 1e9, (end - compileStart) / 1e9, store, fingerprint);
      io.out().println(tally.line((end - start) / 1e9));
      if (inputs.isEmpty()) {
        io.err().println("evmjit aot: no input found under " + paths + " (*.json, *.hex, *.bin)");
        return ExitCode.SOFTWARE;
      }
    }
    return tally.failed() > 0 ? ExitCode.SOFTWARE : ExitCode.OK;
  }

  private void report(ProgressBar progress, String failure) {
    progress.clear();
    io.err().println("aot: " + failure);
  }
}
