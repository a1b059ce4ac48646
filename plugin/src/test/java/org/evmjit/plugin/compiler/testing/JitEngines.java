package org.evmjit.plugin.compiler.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import org.evmjit.evm.exec.EngineSelector;
import org.evmjit.evm.testing.EngineProvider;
import org.evmjit.plugin.compiler.EvmCompiler;
import org.evmjit.plugin.compiler.JitEngineSelector;
import org.evmjit.plugin.compiler.UncompilablePolicy;

/**
 * Registers the JIT with the evm module's engine-parameterised tests (ServiceLoader, see
 * {@code META-INF/services}): "jit" (values in locals, the default) and "jit-array" (every value
 * through the stack array), both failing rather than falling back to the interpreter.
 */
public final class JitEngines implements EngineProvider {
  public static final EngineSelector JIT = new JitEngineSelector(
      new EvmCompiler(new EvmCompiler.Options(true, UncompilablePolicy.FAIL)));
  public static final EngineSelector JIT_ARRAY = new JitEngineSelector(
      new EvmCompiler(new EvmCompiler.Options(false, UncompilablePolicy.FAIL)));

  @Override
  public Map<String, EngineSelector> engines() {
    Map<String, EngineSelector> m = new LinkedHashMap<>();
    m.put("jit", JIT);
    m.put("jit-array", JIT_ARRAY);
    return m;
  }
}
