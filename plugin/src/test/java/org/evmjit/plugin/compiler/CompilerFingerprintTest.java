package org.evmjit.plugin.compiler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.evmjit.evm.fork.Fork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompilerFingerprintTest {
  @TempDir Path dir;

  @Test
  void isStableAndNamesTheVersionAndClassFileVersion() {
    String fp = CompilerFingerprint.get();
    assertSame(fp, CompilerFingerprint.get(), "computed once");
    assertTrue(fp.matches("v" + EvmCompiler.VERSION + "-cf" + EvmCompiler.CLASS_FILE_VERSION + "-[0-9a-f]{12}"), fp);
    assertEquals(65, EvmCompiler.CLASS_FILE_VERSION);
  }

  @Test
  void digestsTheCompilerAndTheEvmClasses() {
    ClassFileDigest compiler = new ClassFileDigest().add(EvmCompiler.class, CompilerFingerprint.COMPILER_PACKAGE);
    ClassFileDigest both = new ClassFileDigest().add(EvmCompiler.class, CompilerFingerprint.COMPILER_PACKAGE)
        .add(Fork.class, CompilerFingerprint.EVM_PACKAGE);
    assertTrue(compiler.size() > 20, "the compiler's packages: " + compiler.size());
    assertTrue(both.size() > compiler.size() + 50, "and the evm module's: " + both.size());
    assertArrayEquals(both.sha256(), new ClassFileDigest().add(EvmCompiler.class, CompilerFingerprint.COMPILER_PACKAGE)
        .add(Fork.class, CompilerFingerprint.EVM_PACKAGE).sha256());
    assertFalse(java.util.Arrays.equals(compiler.sha256(), both.sha256()));
  }

  @Test
  void aJarOfTheSameClassesGivesTheSameDigest() throws IOException {
    Path classes = Path.of(EvmCompiler.class.getProtectionDomain().getCodeSource().getLocation().getPath());
    if (!Files.isDirectory(classes)) {
      return; // already running from a jar: the directory form is what the build tree tests
    }
    Path jar = dir.resolve("shaded.jar");
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out);
        Stream<Path> walk = Files.walk(classes)) {
      for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
        j.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
        j.write(Files.readAllBytes(p));
        j.closeEntry();
      }
    }
    for (String prefix : List.of(CompilerFingerprint.COMPILER_PACKAGE, "org/evmjit/plugin/runtime/")) {
      assertArrayEquals(new ClassFileDigest().add(classes, prefix).sha256(), new ClassFileDigest().add(jar, prefix).sha256(),
          prefix);
    }
  }
}
