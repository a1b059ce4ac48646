package org.evmjit.statetest.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.evmjit.evm.fork.Fork;
import org.evmjit.plugin.runtime.CompilerProvider;
import org.evmjit.plugin.runtime.JitConfig;
import org.evmjit.plugin.runtime.JitRuntime;
import org.evmjit.plugin.runtime.JitStats;
import org.evmjit.statetest.runner.Engine;
import org.evmjit.statetest.runner.Executor;
import org.evmjit.statetest.runner.RuntimeExecutor;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * The JIT runtime's options, shared by {@code state-test} and {@code bench} as a picocli mixin:
 * one option per {@link JitConfig} knob, the compiler, {@code --stats FILE} and the artifact
 * store ({@code --store DIR}, {@code --store-budget}). They apply to {@code --engine runtime};
 * {@link #open} makes the executor for a command (opening the store, see {@link StoreSession}) and
 * {@link Session#close} shuts the runtime down, closes the store and writes the statistics.
 */
public final class JitOptions {
  @Option(names = "--jit-compiler", paramLabel = "NAME",
      description = "Compiler for --engine runtime: 'asm' (the default: EVM bytecode to JVM classes) or"
          + " 'stub' (for testing the runtime: 'compiles' to the interpreter, exact at interpreter speed).")
  String compiler;

  @Option(names = "--jit-threshold", paramLabel = "N",
      description = "Calls counted before code is compiled; call N+1 triggers it, 0 compiles on first"
          + " sight (default: " + JitConfig.DEFAULT_THRESHOLD + ").")
  Integer threshold;

  @Option(names = "--jit-gas-per-call", paramLabel = "GAS",
      description = "Gas a frame spends on the interpreter that counts as one more call toward the threshold,"
          + " so code with few but heavy calls is compiled early; 0 counts calls only (default: "
          + JitConfig.DEFAULT_GAS_PER_CALL + ").")
  Long gasPerCall;

  @Option(names = "--jit-disabled", description = "Turn compilation off: every frame is interpreted (the runtime still answers lookups).")
  boolean disabled;

  @Option(names = "--jit-workers", paramLabel = "N",
      description = "Compile threads (default: half the cores, at least 1, at most 4).")
  Integer workers;

  @Option(names = "--jit-budget", paramLabel = "BYTES", converter = ByteSizeConverter.class,
      description = "Bytes of generated classes kept resident, LRU-evicted past it; accepts k, M, G (binary)"
          + " (default: 64M).")
  Long budget;

  @Option(names = "--jit-queue", paramLabel = "N",
      description = "Capacity of the lookup event queue; a full queue drops events (default: "
          + JitConfig.DEFAULT_QUEUE_CAPACITY + ").")
  Integer queue;

  @Option(names = "--jit-pending", paramLabel = "N",
      description = "Compile jobs that may wait for a worker (default: " + JitConfig.DEFAULT_MAX_PENDING_JOBS + ").")
  Integer pending;

  @Option(names = "--jit-compile-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Time limit of one compile (default: 10s). Durations: 500ms, 10s, 5m, 1h, or ISO-8601.")
  Duration compileTimeout;

  @Option(names = "--jit-idle-evict", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Evict compiled code unused this long; 0 never (default: 10m).")
  Duration idleEvict;

  @Option(names = "--jit-cold-entries", paramLabel = "N",
      description = "Code hashes whose calls are counted before they are hot, least recently seen"
          + " forgotten past it (default: " + JitConfig.DEFAULT_MAX_COLD_ENTRIES + ").")
  Integer coldEntries;

  @Option(names = "--jit-failure-entries", paramLabel = "N",
      description = "Failed or ineligible code hashes remembered (default: " + JitConfig.DEFAULT_MAX_FAILURE_ENTRIES + ").")
  Integer failureEntries;

  @Option(names = "--jit-failure-backoff", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Wait before retrying failed code, doubled per failure (default: 30s).")
  Duration failureBackoff;

  @Option(names = "--jit-max-failure-backoff", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Longest failure backoff (default: 1h).")
  Duration maxFailureBackoff;

  @Option(names = "--jit-housekeeping", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "How often the coordinator checks time-outs and idle code; the resolution of LRU (default: 50ms).")
  Duration housekeeping;

  @Option(names = "--stats", paramLabel = "FILE",
      description = "With --engine runtime: write the runtime's final statistics as JSON to FILE when the command ends.")
  Path stats;

  @Option(names = "--store", paramLabel = "DIR",
      description = "With --engine runtime: a persistent store of compiled classes (created if absent). Its"
          + " artifacts are preloaded at start (hottest first, within --jit-budget), every compile is written to it"
          + " in the background, and it is flushed at the end. A store that cannot be opened is a warning: the run"
          + " goes on in memory. Fill one ahead of time with 'evmjit aot'.")
  Path store;

  @Option(names = "--store-budget", paramLabel = "BYTES", converter = ByteSizeConverter.class,
      description = "Disk budget of --store: past it the coldest records are removed; accepts k, M, G (default: none).")
  Long storeBudget;

  /** The configuration these options give (defaults for what was not given). */
  public JitConfig config() {
    JitConfig.Builder b = JitConfig.builder().enabled(!disabled);
    if (threshold != null) {
      b.threshold(threshold);
    }
    if (gasPerCall != null) {
      b.gasPerCall(gasPerCall);
    }
    if (workers != null) {
      b.workers(workers);
    }
    if (budget != null) {
      b.budgetBytes(budget);
    }
    if (queue != null) {
      b.queueCapacity(queue);
    }
    if (pending != null) {
      b.maxPendingJobs(pending);
    }
    if (compileTimeout != null) {
      b.compileTimeout(compileTimeout);
    }
    if (idleEvict != null) {
      b.idleEviction(idleEvict);
    }
    if (coldEntries != null) {
      b.maxColdEntries(coldEntries);
    }
    if (failureEntries != null) {
      b.maxFailureEntries(failureEntries);
    }
    if (failureBackoff != null) {
      b.failureBackoff(failureBackoff);
    }
    if (maxFailureBackoff != null) {
      b.maxFailureBackoff(maxFailureBackoff);
    }
    if (housekeeping != null) {
      b.housekeepingInterval(housekeeping);
    }
    return b.build();
  }

  /**
   * The executor of {@code engine} for one command: for {@code runtime}, a fresh runtime
   * configured by these options; for other engines, {@code executors}' (and then the JIT
   * options must not ask for statistics).
   */
  Session open(Engine engine, Function<Engine, Executor> executors, CommandLine cl, Io io) {
    return open(engine, executors, cl, io, List.of());
  }

  /** As {@link #open(Engine, Function, CommandLine, Io)}; {@code forks} are the forks whose stored artifacts are preloaded (empty: all). */
  Session open(Engine engine, Function<Engine, Executor> executors, CommandLine cl, Io io, List<Fork> forks) {
    if (engine != Engine.RUNTIME) {
      requireRuntimeForRuntimeOptions(cl);
      return new Session(executors.apply(engine), null, null, null, io);
    }
    if (storeBudget != null && store == null) {
      throw new ParameterException(cl, "--store-budget needs --store");
    }
    JitConfig config;
    try {
      config = config();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(cl, "bad JIT option: " + e.getMessage());
    }
    CompilerProvider provider = CompilerProvider.find(compiler).orElseThrow(() -> new ParameterException(cl,
        (compiler == null ? "no compiler on the class path" : "unknown compiler '" + compiler + "'")
            + "; known: " + CompilerProvider.all().stream().map(CompilerProvider::name).collect(Collectors.joining(", "))));
    if (store == null) {
      JitRuntime runtime = JitRuntime.start(config, provider);
      return new Session(new RuntimeExecutor(runtime), runtime, null, stats, io);
    }
    if (provider.artifactFormat().isEmpty()) {
      throw new ParameterException(cl, "--store needs a compiler that generates classes; '" + provider.name()
          + "' generates none");
    }
    StoreSession storeSession = StoreSession.open(store, storeBudget == null ? 0 : storeBudget, forks, io.err());
    JitRuntime runtime = JitRuntime.start(config, provider, storeSession.config());
    io.err().println(storeSession.preloadLine(runtime.stats().store()));
    return new Session(new RuntimeExecutor(runtime), runtime, storeSession, stats, io);
  }

  /** {@code --stats}, {@code --store} and {@code --store-budget} apply to {@code --engine runtime} only. */
  void requireRuntimeForRuntimeOptions(CommandLine cl) {
    String given = stats != null ? "--stats" : store != null ? "--store" : storeBudget != null ? "--store-budget" : null;
    if (given != null) {
      throw new ParameterException(cl, given + " needs --engine runtime");
    }
  }

  /** Writes {@code s} to the {@code --stats} file, if one was given. */
  void writeStats(JitStats s, PrintStream err) {
    if (stats == null) {
      return;
    }
    try {
      Path parent = stats.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(stats, s.toJson() + System.lineSeparator());
    } catch (IOException e) {
      err.println("evmjit: cannot write --stats file " + stats + ": " + e);
    }
  }

  /** One line for standard error at the end of a runtime run. */
  static String summary(JitStats s) {
    JitStats.Lookups l = s.lookups();
    double pct = l.total() == 0 ? 0 : 100.0 * l.hits() / l.total();
    return String.format(Locale.ROOT,
        "jit (%s, threshold %d): %,d lookups, %.1f%% compiled; %,d compiles (%,d failed, %,d ineligible),"
            + " p50 %.3f ms; %,d evictions; %,d resident (%,d bytes); %,d events dropped",
        s.compiler(), s.threshold(), l.total(), pct, s.compilations().succeeded(), s.compilations().failed(),
        s.compilations().ineligible(), s.compilations().timeMillis().p50(),
        s.evictions().lru() + s.evictions().idle(), s.resident().entries(), s.resident().bytes(),
        s.queue().dropped()) + StoreSession.summary(s.store());
  }

  /** A command's executor and, for the runtime engine, its runtime; closing it shuts the runtime down. */
  final class Session implements AutoCloseable {
    private final Executor executor;
    private final JitRuntime runtime;
    private final StoreSession store;
    private final Path statsFile;
    private final Io io;

    private Session(Executor executor, JitRuntime runtime, StoreSession store, Path statsFile, Io io) {
      this.executor = executor;
      this.runtime = runtime;
      this.store = store;
      this.statsFile = statsFile;
      this.io = io;
    }

    Executor executor() {
      return executor;
    }

    /** Null unless the engine is {@code runtime}. */
    JitRuntime runtime() {
      return runtime;
    }

    /**
     * Lets the runtime finish what the run set going (every event counted, every compile done,
     * every preloaded class defined; up to the shutdown time limit), so the statistics and the
     * store do not depend on how fast the machine was; then shuts it down (writing what is queued
     * for the store, then closing it), writes its final statistics (--stats) and a summary line on
     * standard error.
     */
    @Override
    public void close() {
      if (runtime == null) {
        return;
      }
      if (!runtime.awaitQuiescence(runtime.config().shutdownTimeout())) {
        io.err().println("evmjit: warning: the JIT runtime was still busy at the shutdown time limit ("
            + runtime.config().shutdownTimeout() + "); its statistics are of that moment");
      }
      JitStats s = runtime.stats(); // before the shutdown drops everything: the state the run ended in
      boolean stopped = runtime.shutdown(runtime.config().shutdownTimeout());
      if (store != null) {
        s = s.withStore(runtime.stats().store()); // with what the shutdown wrote
        store.close(stopped, io.err());
      }
      io.err().println(summary(s));
      if (statsFile != null) {
        writeStats(s, io.err());
      }
    }
  }

  /** {@code 65536}, {@code 64k}, {@code 64KiB}, {@code 64M}, {@code 1G} (binary multiples). */
  static final class ByteSizeConverter implements ITypeConverter<Long> {
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kmgt]?)(i?b)?", Pattern.CASE_INSENSITIVE);

    @Override
    public Long convert(String value) {
      Matcher m = SIZE.matcher(value.trim());
      if (!m.matches()) {
        throw new TypeConversionException("'" + value + "' is not a size in bytes (examples: 65536, 64k, 64M, 1G)");
      }
      int shift = switch (m.group(2).toLowerCase(Locale.ROOT)) {
        case "k" -> 10;
        case "m" -> 20;
        case "g" -> 30;
        case "t" -> 40;
        default -> 0;
      };
      try {
        return Math.multiplyExact(Long.parseLong(m.group(1)), 1L << shift);
      } catch (ArithmeticException | NumberFormatException e) {
        throw new TypeConversionException("'" + value + "' is too large");
      }
    }
  }

  /** {@code 0}, {@code 500ms}, {@code 10s}, {@code 5m}, {@code 1h}, {@code 2d}, or ISO-8601 ({@code PT10S}). */
  static final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?", Pattern.CASE_INSENSITIVE);

    @Override
    public Duration convert(String value) {
      String v = value.trim();
      Matcher m = SIMPLE.matcher(v);
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
        if (unit.isEmpty() && n != 0) {
          throw new TypeConversionException("'" + value + "' needs a unit (ms, s, m, h, d)");
        }
        return switch (unit) {
          case "ms" -> Duration.ofMillis(n);
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          case "h" -> Duration.ofHours(n);
          case "d" -> Duration.ofDays(n);
          default -> Duration.ZERO;
        };
      }
      try {
        return Duration.parse(v);
      } catch (DateTimeParseException e) {
        throw new TypeConversionException("'" + value + "' is not a duration (examples: 500ms, 10s, 5m, 1h, PT10S)");
      }
    }
  }
}
