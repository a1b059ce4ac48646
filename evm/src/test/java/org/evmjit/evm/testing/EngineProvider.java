package org.evmjit.evm.testing;

import java.util.Map;
import org.evmjit.evm.exec.EngineSelector;

/**
 * More engines for the engine-parameterised tests, found with {@link java.util.ServiceLoader}: a
 * module that depends on this test jar lists its provider in
 * {@code META-INF/services/org.evmjit.evm.testing.EngineProvider} of its test resources and reruns
 * these tests (surefire's {@code dependenciesToScan}) with its engines included.
 */
public interface EngineProvider {
  /** Test names to engines, in a stable order. */
  Map<String, EngineSelector> engines();
}
