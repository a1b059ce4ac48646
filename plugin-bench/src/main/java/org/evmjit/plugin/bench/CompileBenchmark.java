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
  /** Every contract of the shared benchmarks (evm-benchmarks main and micro, revmc). */
  @Param({"main/blake2b_shifts", "main/sha1_divs", "main/sha1_shifts", "main/snailtracer",
      "main/structarray_alloc", "main/swap_math",
      "micro/JUMPDEST_n0", "micro/jump_around", "micro/loop_with_many_jumpdests",
      "micro/memory_grow_mload", "micro/memory_grow_mstore", "micro/signextend",
      "revmc/airdrop", "revmc/bswap64_opt", "revmc/counter", "revmc/eip2935", "revmc/eip4788",
      "revmc/erc20_transfer", "revmc/factorial", "revmc/fibonacci-calldata", "revmc/hash_10k",
      "revmc/push0_proxy", "revmc/snailtracer", "revmc/weth"})
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
