package org.evmjit.statetest.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.evmjit.evm.fork.Fork;
import org.evmjit.statetest.fuzz.Fuzzer;
import org.evmjit.statetest.ethjs.EthereumJsEngine;
import org.evmjit.statetest.ethjs.NodeSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Option;

/** {@code evmjit fuzz}: differential fuzzing of the JIT against the interpreter. */
@Command(
    name = "fuzz",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Generates programs (random bytes and structured snippets: jumps valid and invalid, loops,"
          + " deep stacks, memory growth, storage, calls into a second generated contract and into the"
          + " fork's precompiles, creates,"
          + " logs, gas limits that run out anywhere), runs each on the interpreter and the JIT and"
          + " compares validity, status, gas used, output, logs hash and state root.",
      "Each divergence is written to --out as a state-test JSON that"
          + " 'evmjit state-test --engine both' replays."
    },
    footer = {"", "The last line is 'N passed, N failed'. Exit status: 0 no divergence, 1 divergences."})
final class FuzzCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"--iterations", "--programs"}, paramLabel = "N", description = "Programs to run (default: ${DEFAULT-VALUE}).")
  long programs = 10_000;

  @Option(names = "--seed", paramLabel = "S", description = "Seed; case i of seed S is always the same program (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(names = "--workers", paramLabel = "N", description = "Threads (default: ${DEFAULT-VALUE}).")
  int workers = Runtime.getRuntime().availableProcessors();

  @Option(names = "--out", paramLabel = "DIR", description = "Where divergences are written (default: ${DEFAULT-VALUE}).")
  Path out = Path.of("fuzz-divergences");

  @Option(names = "--fork", paramLabel = "NAME", converter = Converters.ForkConverter.class,
      description = "Fork whose opcodes and precompiles the programs use and whose rules run them"
          + " (default: the newest evmjit implements, ${DEFAULT-VALUE}).")
  Fork fork = Fork.values()[Fork.values().length - 1];

  @Option(names = "--against", paramLabel = "ENGINE",
      description = "Also run every program on this engine (ethereumjs: one long-lived Node process per"
          + " worker) and compare it with the interpreter; divergences replay with"
          + " 'evmjit state-test --engine interpreter,ethereumjs'.")
  String against;

  private final Io io;

  FuzzCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() throws Exception {
    EthereumJsEngine reference = referenceEngine();
    AtomicLong next = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    AtomicLong done = new AtomicLong();
    long start = System.nanoTime();
    Thread[] threads = new Thread[Math.max(1, workers)];
    for (int t = 0; t < threads.length; t++) {
      threads[t] = Thread.ofPlatform().stackSize(16 << 20).start(() -> {
        Fuzzer fuzzer = new Fuzzer(fork, reference);
        for (long i = next.getAndIncrement(); i < programs; i = next.getAndIncrement()) {
          try {
            Fuzzer.Divergence d = fuzzer.run(seed, i);
            if (d != null) {
              failed.incrementAndGet();
              write(d);
            }
          } catch (RuntimeException | Error e) {
            // whatever a case throws outside the compared run fails that case and is named; the
            // thread goes on, so a crash is never a silently smaller run
            failed.incrementAndGet();
            synchronized (io) {
              io.err().println("case " + i + " of seed " + seed + " crashed: " + e);
            }
          }
          long n = done.incrementAndGet();
          if (n % 10_000 == 0) {
            synchronized (io) {
              io.err().printf("%d programs, %d divergences, %.0f programs/s%n", n, failed.get(),
                  n / ((System.nanoTime() - start) / 1e9));
            }
          }
        }
      });
    }
    for (Thread t : threads) {
      t.join();
    }
    if (reference != null) {
      reference.close();
    }
    io.out().println((done.get() - failed.get()) + " passed, " + failed.get() + " failed");
    if (done.get() != programs) {
      io.err().println("evmjit: only " + done.get() + " of " + programs + " programs ran");
      return ExitCode.SOFTWARE;
    }
    return failed.get() == 0 ? ExitCode.OK : ExitCode.SOFTWARE;
  }

  private EthereumJsEngine referenceEngine() {
    if (against == null) {
      return null;
    }
    if (!against.equals(EthereumJsEngine.NAME)) {
      throw new ParameterException(spec.commandLine(), "--against takes " + EthereumJsEngine.NAME + ", not '" + against + "'");
    }
    NodeSetup setup = NodeSetup.find();
    if (!setup.available()) {
      throw new ParameterException(spec.commandLine(), setup.problem());
    }
    return new EthereumJsEngine(setup, EthereumJsEngine.DEFAULT_TIME_LIMIT_MS);
  }

  private void write(Fuzzer.Divergence d) {
    synchronized (io) {
      try {
        Files.createDirectories(out);
        Path file = out.resolve(d.name() + ".json");
        Files.writeString(file, d.json());
        io.err().println("divergence " + d.name() + ": " + d.difference() + " -> " + file);
      } catch (IOException e) {
        io.err().println("divergence " + d.name() + ": " + d.difference() + " (cannot write: " + e + ")");
      }
    }
  }
}
