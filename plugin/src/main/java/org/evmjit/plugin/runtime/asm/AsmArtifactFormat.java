package org.evmjit.plugin.runtime.asm;

import org.evmjit.evm.exec.ExecutionEngine;
import org.evmjit.evm.fork.Fork;
import org.evmjit.plugin.compiler.CompiledEngine;
import org.evmjit.plugin.compiler.CompilerFingerprint;
import org.evmjit.plugin.runtime.ArtifactFormat;

/** {@link AsmProgramCompiler}'s classes in a store: {@link CompilerFingerprint}, defined by {@link CompiledEngine#loadStored}. */
public final class AsmArtifactFormat implements ArtifactFormat {
  @Override
  public String fingerprint() {
    return CompilerFingerprint.get();
  }

  @Override
  public ExecutionEngine define(byte[] classFile, Fork fork) {
    return CompiledEngine.loadStored(classFile, fork);
  }
}
