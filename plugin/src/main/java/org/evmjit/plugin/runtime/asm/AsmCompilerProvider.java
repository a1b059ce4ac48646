package org.evmjit.plugin.runtime.asm;

import java.util.Optional;
import org.evmjit.plugin.runtime.ArtifactFormat;
import org.evmjit.plugin.runtime.CompilerProvider;
import org.evmjit.plugin.runtime.ProgramCompiler;

/** Registers {@link AsmProgramCompiler} as {@code asm}, the default compiler of the runtime. */
public final class AsmCompilerProvider implements CompilerProvider {
  @Override
  public String name() {
    return "asm";
  }

  @Override
  public String description() {
    return "evmjit's compiler: EVM bytecode to JVM hidden classes (ASM)";
  }

  @Override
  public int priority() {
    return 10;
  }

  @Override
  public ProgramCompiler create() {
    return new AsmProgramCompiler();
  }

  @Override
  public Optional<ArtifactFormat> artifactFormat() {
    return Optional.of(new AsmArtifactFormat());
  }
}
