package org.evmjit.plugin.bench;

import java.nio.file.Path;
import java.util.List;
import org.evmjit.statetest.SharedPaths;
import org.evmjit.statetest.bench.BenchCase;
import org.evmjit.statetest.bench.BenchLoader;

/** Benchmark contracts from the shared folder ({@code ../shared/benchmarks}), never copied here. */
final class Contracts {
  private Contracts() {}

  /** {@code main/snailtracer} (evm-benchmarks) or {@code revmc/snailtracer}: the first input. */
  static BenchCase benchCase(String id) {
    Path root = SharedPaths.find("benchmarks").orElseThrow(() -> new IllegalStateException(
        "no shared benchmarks folder; set -D" + SharedPaths.PROPERTY + "=/path/to/shared"));
    String[] parts = id.split("/");
    Path file = parts[0].equals("revmc")
        ? root.resolve("revmc").resolve(parts[1] + ".json")
        : root.resolve("evm-benchmarks").resolve(parts[0]).resolve(parts[1] + ".json");
    List<BenchCase> cases = new BenchLoader().load(file, id);
    return cases.get(cases.size() - 1);
  }

  /** The code of the contract the benchmark's transaction calls. */
  static byte[] code(String id) {
    BenchCase c = benchCase(id);
    return c.pre().get(c.tx().to()).code().bytes();
  }
}
