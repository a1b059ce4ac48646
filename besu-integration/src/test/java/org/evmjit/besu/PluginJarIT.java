package org.evmjit.besu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import org.hyperledger.besu.plugin.BesuPlugin;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** The built plugin jar, as Besu's plugins/ folder would hold it. */
class PluginJarIT {
  /**
   * Class files may only be evmjit's own (with its relocated dependencies), or those of the LMDB
   * binding, which Besu 26.8.0 does not ship (no lmdbjava, jnr or jffi in its platform/build.gradle)
   * and which finds its native code by its own names.
   */
  private static final List<String> ALLOWED = List.of("org/evmjit/", "org/lmdbjava/", "jnr/", "com/kenai/");

  private final Path jar = Path.of(System.getProperty("evmjit.besu.jar", "target/evmjit-besu-plugin.jar"));

  @Test
  void holdsOnlyEvmjitAndRelocatedClassesNoBesuAndNoDeclarations() throws Exception {
    assertTrue(Files.isRegularFile(jar), "no plugin jar at " + jar + " (built by package)");
    try (JarFile j = new JarFile(jar.toFile())) {
      List<String> classes = j.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class")).toList();
      assertTrue(classes.size() > 1000, "evmjit and its dependencies are inside: " + classes.size());
      List<String> foreign = classes.stream().filter(n -> ALLOWED.stream().noneMatch(n::startsWith)).toList();
      assertEquals(List.of(), foreign, "unrelocated classes (Besu ships asm, BouncyCastle, Jackson, picocli, slf4j, ...)");
      assertTrue(classes.stream().noneMatch(n -> n.startsWith("org/evmjit/besu/declarations/")));
      assertTrue(classes.contains("org/evmjit/besu/EvmJitPlugin.class"));
      assertTrue(classes.stream().anyMatch(n -> n.startsWith("org/evmjit/shaded/asm/")), "asm relocated");
      assertTrue(j.stream().noneMatch(e -> e.getName().startsWith("META-INF/versions/")));
    }
  }

  @Test
  void serviceLoaderFindsThePluginInTheJar() throws Exception {
    // As in Besu: the plugin jar on its own loader, Besu's API (here the declarations), picocli and slf4j beneath it.
    URL[] besu = {location(BesuPlugin.class), location(CommandLine.class), location(LoggerFactory.class)};
    try (URLClassLoader node = new URLClassLoader(besu, ClassLoader.getPlatformClassLoader());
        URLClassLoader plugins = new URLClassLoader(new URL[] {jar.toUri().toURL()}, node)) {
      Class<?> api = node.loadClass(BesuPlugin.class.getName());
      List<? extends Class<?>> found = ServiceLoader.load(api, plugins).stream().map(ServiceLoader.Provider::type).toList();
      assertEquals(1, found.size(), found::toString);
      assertEquals(EvmJitPlugin.class.getName(), found.get(0).getName());
      assertTrue(found.get(0).getClassLoader() == plugins, "loaded from the jar");
      Object plugin = ServiceLoader.load(api, plugins).findFirst().orElseThrow();
      assertEquals("evmjit", api.getMethod("getName").invoke(plugin));
    }
  }

  /** The relocated LMDB binding (lmdbjava over relocated jnr-ffi, jffi's native code) works from the jar. */
  @Test
  void theRelocatedStoreOpensAnLmdbDirectory(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    URL[] besu = {location(BesuPlugin.class), location(CommandLine.class), location(LoggerFactory.class)};
    try (URLClassLoader node = new URLClassLoader(besu, ClassLoader.getPlatformClassLoader());
        URLClassLoader plugins = new URLClassLoader(new URL[] {jar.toUri().toURL()}, node)) {
      Class<?> options = plugins.loadClass("org.evmjit.store.StoreOptions");
      Class<?> lmdb = plugins.loadClass("org.evmjit.store.LmdbArtifactStore");
      Object store = lmdb.getMethod("open", Path.class, options)
          .invoke(null, dir.resolve("store"), options.getMethod("defaults").invoke(null));
      ((AutoCloseable) store).close();
      assertTrue(Files.isDirectory(dir.resolve("store")));
    }
  }

  private static URL location(Class<?> c) {
    return c.getProtectionDomain().getCodeSource().getLocation();
  }
}
