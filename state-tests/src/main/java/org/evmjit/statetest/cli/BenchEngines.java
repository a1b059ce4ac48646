package org.evmjit.statetest.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.evmjit.statetest.bench.BenchCase;
import org.evmjit.statetest.bench.BenchCheck;
import org.evmjit.statetest.bench.BenchConfig;
import org.evmjit.statetest.bench.BenchEngine;
import org.evmjit.statetest.bench.BenchResult;
import org.evmjit.statetest.bench.BenchRunner;
import org.evmjit.statetest.ethjs.EthereumJsBench;
import org.evmjit.statetest.ethjs.EthereumJsEngine;
import org.evmjit.statetest.ethjs.NodeSetup;
import org.evmjit.statetest.runner.Engine;
import org.evmjit.statetest.runner.Executor;

/**
 * The engines of {@code bench} (not runtime, which runs alone), run one after the other on each
 * input: evmjit's through {@link BenchRunner}, ethereumjs through {@link EthereumJsBench}. Every
 * result is checked ({@link BenchCheck}) against the reference: the first evmjit engine's, or,
 * with ethereumjs alone, the interpreter's, run once after the others (no warm-up, one measured run).
 */
final class BenchEngines implements AutoCloseable {
  /** Compiles per engine: the median of this many is the compile time reported. */
  static final int COMPILE_SAMPLES = 5;

  private final List<BenchEngine> engines = new ArrayList<>();
  private final List<Executor> executors = new ArrayList<>(); // null for ethereumjs
  private final int reference; // index of the reference engine, -1 with ethereumjs alone
  private final BenchRunner interpreterCheck; // the reference with ethereumjs alone
  private EthereumJsEngine ethereumJs;

  /** @throws IllegalArgumentException naming what is missing when ethereumjs is asked for and cannot run */
  BenchEngines(List<String> names, Function<Engine, Executor> executorOf, BenchConfig config, long timeLimitMs) {
    for (String name : names) {
      if (name.equals(EthereumJsEngine.NAME)) {
        ethereumJs = new EthereumJsEngine(NodeSetup.find(), timeLimitMs);
        engines.add(new EthereumJsBench(ethereumJs, config));
        executors.add(null);
      } else {
        Executor ex = executorOf.apply(Engine.parse(name));
        engines.add(new BenchRunner(ex, name, config));
        executors.add(ex);
      }
    }
    int first = -1;
    for (int i = 0; i < executors.size() && first < 0; i++) {
      if (executors.get(i) != null) {
        first = i;
      }
    }
    reference = first;
    interpreterCheck = reference >= 0 ? null : new BenchRunner(executorOf.apply(Engine.INTERPRETER),
        Engine.INTERPRETER.cliName(), new BenchConfig(0, 1, 0, 0, 1, 1));
  }

  /** {@code c} on every engine, in order, each result checked against the reference's. */
  List<BenchResult> run(BenchCase c) {
    List<BenchResult> row = new ArrayList<>();
    for (int i = 0; i < engines.size(); i++) {
      BenchResult r = engines.get(i).run(c);
      Optional<Executor.CompileInfo> info = executors.get(i) == null ? Optional.empty() : compileInfo(executors.get(i), c);
      if (info.isPresent()) {
        r = r.withCompile(info.get().compileNanos(), info.get().classBytes());
      }
      row.add(r);
    }
    BenchResult ref = reference >= 0 ? row.get(reference) : interpreterCheck.run(c);
    for (int i = 0; i < row.size(); i++) {
      if (i != reference) {
        row.set(i, BenchCheck.against(row.get(i), ref));
      }
    }
    return row;
  }

  /**
   * Compile time (median of {@value #COMPILE_SAMPLES} compiles, the compiler warm) and class size
   * of the contract the transaction calls, for engines that compile.
   */
  private static Optional<Executor.CompileInfo> compileInfo(Executor ex, BenchCase c) {
    if (c.tx().to() == null || c.pre().get(c.tx().to()) == null) {
      return Optional.empty();
    }
    org.evmjit.evm.frame.Code code = c.pre().get(c.tx().to()).code();
    List<Executor.CompileInfo> samples = new ArrayList<>();
    for (int i = 0; i < COMPILE_SAMPLES; i++) {
      Optional<Executor.CompileInfo> info = ex.compileInfo(code, c.fork());
      if (info.isEmpty()) {
        return info;
      }
      samples.add(info.get());
    }
    samples.sort(Comparator.comparingLong(Executor.CompileInfo::compileNanos));
    return Optional.of(samples.get(samples.size() / 2));
  }

  /** Ends the ethereumjs processes. */
  @Override
  public void close() {
    if (ethereumJs != null) {
      ethereumJs.close();
    }
  }
}
