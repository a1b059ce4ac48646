package org.evmjit.plugin.runtime;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Makes a {@link ProgramCompiler}; found with {@link ServiceLoader} (a
 * {@code META-INF/services/org.evmjit.plugin.runtime.CompilerProvider} line), so a compiler
 * module slots in by being on the class path. The runtime module itself registers only
 * {@code stub} (the interpreter behind the compiler interface, priority 0); the real compiler
 * registers itself with a higher priority and becomes the default.
 */
public interface CompilerProvider {
  /** Short name, as {@code --jit-compiler} takes it: {@code stub}, {@code asm}. */
  String name();

  /** One line for {@code --help} and reports. */
  String description();

  /** The highest priority is the default compiler. */
  int priority();

  ProgramCompiler create();

  /**
   * How this compiler's classes are stored and defined again, for a runtime with an artifact
   * store; empty (the default) for a compiler that generates no class files.
   */
  default Optional<ArtifactFormat> artifactFormat() {
    return Optional.empty();
  }

  /** Every provider on the class path of {@code loader}, highest priority first. */
  static List<CompilerProvider> all(ClassLoader loader) {
    return ServiceLoader.load(CompilerProvider.class, loader).stream()
        .map(ServiceLoader.Provider::get)
        .sorted(Comparator.comparingInt(CompilerProvider::priority).reversed()
            .thenComparing(CompilerProvider::name))
        .toList();
  }

  static List<CompilerProvider> all() {
    return all(CompilerProvider.class.getClassLoader());
  }

  /** The provider called {@code name} (ignoring case), or the highest-priority one when {@code name} is null. */
  static Optional<CompilerProvider> find(String name) {
    List<CompilerProvider> all = all();
    if (name == null) {
      return all.stream().findFirst();
    }
    String key = name.trim().toLowerCase(Locale.ROOT);
    return all.stream().filter(p -> p.name().toLowerCase(Locale.ROOT).equals(key)).findFirst();
  }
}
