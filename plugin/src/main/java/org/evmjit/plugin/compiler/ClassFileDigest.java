package org.evmjit.plugin.compiler;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * SHA-256 over the {@code .class} files of packages, read where the JVM loaded them from: a
 * classes directory (a build tree) or a jar (a module jar, or everything shaded into one). Files
 * are keyed by their path inside the root ({@code org/evmjit/evm/fork/Fork.class}) and digested in
 * name order, so the same classes give the same digest from a directory or a jar.
 */
final class ClassFileDigest {
  private final SortedMap<String, byte[]> files = new TreeMap<>();

  /**
   * Adds every class file under {@code packagePrefix} (internal form, ending in {@code /}) in the
   * code source of {@code anchor}.
   *
   * @throws IllegalStateException when the code source is not a directory or jar on the file system
   */
  ClassFileDigest add(Class<?> anchor, String packagePrefix) {
    return add(codeSource(anchor), packagePrefix);
  }

  /** Adds every class file under {@code packagePrefix} in {@code root}, a classes directory or a jar. */
  ClassFileDigest add(Path root, String packagePrefix) {
    try {
      if (Files.isDirectory(root)) {
        addDirectory(root, packagePrefix);
      } else {
        addJar(root, packagePrefix);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the class files under " + packagePrefix + " in " + root, e);
    }
    return this;
  }

  /** Number of class files added. */
  int size() {
    return files.size();
  }

  /** SHA-256 over (name, length, bytes) of each file, in name order. */
  byte[] sha256() {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
    for (var e : files.entrySet()) {
      md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
      byte[] bytes = e.getValue();
      md.update(new byte[] {0, (byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16),
          (byte) (bytes.length >>> 8), (byte) bytes.length});
      md.update(bytes);
    }
    return md.digest();
  }

  private static Path codeSource(Class<?> anchor) {
    CodeSource source = anchor.getProtectionDomain().getCodeSource();
    URL location = source == null ? null : source.getLocation();
    if (location == null || !"file".equals(location.getProtocol())) {
      throw new IllegalStateException(anchor.getName() + " was not loaded from a directory or jar file ("
          + (location == null ? "no code source" : location) + ")");
    }
    try {
      return Path.of(location.toURI());
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new IllegalStateException("unusable code source " + location + " of " + anchor.getName(), e);
    }
  }

  private void addDirectory(Path root, String prefix) throws IOException {
    Path dir = root.resolve(prefix);
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk.filter(f -> f.toString().endsWith(".class"))::iterator) {
        files.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
      }
    }
  }

  private void addJar(Path jar, String prefix) throws IOException {
    try (JarFile jf = new JarFile(jar.toFile())) {
      Enumeration<JarEntry> entries = jf.entries();
      while (entries.hasMoreElements()) {
        JarEntry e = entries.nextElement();
        if (!e.isDirectory() && e.getName().startsWith(prefix) && e.getName().endsWith(".class")) {
          try (InputStream in = jf.getInputStream(e)) {
            files.put(e.getName(), in.readAllBytes());
          }
        }
      }
    }
  }
}
