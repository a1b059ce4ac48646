package org.evmjit.plugin.bench;

import java.util.concurrent.TimeUnit;
import org.evmjit.evm.state.WorldState;
import org.evmjit.evm.tx.TransactionResult;
import org.evmjit.statetest.bench.BenchCase;
import org.evmjit.statetest.runner.Executor;
import org.evmjit.statetest.runner.InterpreterExecutor;
import org.evmjit.statetest.runner.JitExecutor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** One benchmark transaction (snailtracer by default) on the interpreter and on the JIT. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xss16m", "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class ExecuteBenchmark {
  @Param({"main/snailtracer", "revmc/snailtracer", "revmc/erc20_transfer"})
  public String contract;

  @Param({"interpreter", "jit"})
  public String engine;

  private BenchCase benchCase;
  private Executor executor;
  private WorldState state;

  @Setup
  public void load() {
    benchCase = Contracts.benchCase(contract);
    executor = engine.equals("jit") ? new JitExecutor() : new InterpreterExecutor();
  }

  @Setup(Level.Invocation)
  public void freshState() {
    state = benchCase.pre().copy();
  }

  @Benchmark
  public TransactionResult execute() {
    return executor.execute(benchCase.fork(), state, benchCase.env(), benchCase.tx(), null);
  }
}
