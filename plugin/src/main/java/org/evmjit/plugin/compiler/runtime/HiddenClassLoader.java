package org.evmjit.plugin.compiler.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Defines generated classes as hidden classes in this package: each is unloadable as soon as
 * nothing references its instance, and sees this package's helpers.
 */
public final class HiddenClassLoader {
  /** Package of generated classes, in internal form. */
  public static final String PACKAGE = "org/evmjit/plugin/compiler/runtime/";

  private HiddenClassLoader() {}

  /** Defines {@code classBytes} (a class of {@link #PACKAGE} implementing {@link CompiledCode}) and instantiates it. */
  public static CompiledCode define(byte[] classBytes) {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup().defineHiddenClass(classBytes, true);
      return (CompiledCode) lookup.findConstructor(lookup.lookupClass(), MethodType.methodType(void.class)).invoke();
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException("cannot define generated class", t);
    }
  }
}
