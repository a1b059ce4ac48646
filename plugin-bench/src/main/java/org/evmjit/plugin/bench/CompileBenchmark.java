package org.evmjit.plugin.bench;

import java.util.concurrent.TimeUnit;
import org.evmjit.evm.fork.Fork;
import org.evmjit.plugin.compiler.CompileResult;
import org.evmjit.plugin.compiler.EvmCompiler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Compile time (analysis and class generation, no loading) of the benchmark contracts. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CompileBenchmark {
  @Param({"main/snailtracer", "micro/loop_with_many_jumpdests", "revmc/erc20_transfer"})
  public String contract;

  private byte[] code;
  private final EvmCompiler compiler = new EvmCompiler();

  @Setup
  public void load() {
    code = Contracts.code(contract);
  }

  @Benchmark
  public CompileResult compile() {
    return compiler.compile(code, Fork.CANCUN);
  }
}
