package org.evmjit.plugin.runtime;

import java.util.Objects;
import org.evmjit.evm.fork.Fork;

/**
 * A program compiled before the runtime saw its code (read from an artifact store, compiled
 * ahead of time), to install with {@link JitRuntime#preload}.
 *
 * @param codeHash Keccak-256 of the code (32 bytes)
 * @param program the loaded program; its {@code classBytes} count against the memory budget
 */
public record PreloadedProgram(byte[] codeHash, Fork fork, Compilation.Compiled program) {
  public PreloadedProgram {
    if (Objects.requireNonNull(codeHash, "codeHash").length != 32) {
      throw new IllegalArgumentException("a code hash has 32 bytes, not " + codeHash.length);
    }
    Objects.requireNonNull(fork, "fork");
    Objects.requireNonNull(program, "program");
  }
}
