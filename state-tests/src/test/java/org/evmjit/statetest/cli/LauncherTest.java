package org.evmjit.statetest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.evmjit.statetest.SharedPaths;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a new user meets around the tool: the launcher's hint, and JDK warnings the project can silence. */
class LauncherTest {
  @TempDir Path dir;

  @Test
  void missingJarHintNamesTheBuildScript() throws Exception {
    Path repo = SharedPaths.repositoryRoot().orElse(null);
    Assumptions.assumeTrue(repo != null && Files.isExecutable(Path.of("/bin/bash")), "needs the repository and bash");
    Path launcher = Files.copy(repo.resolve("evmjit"), dir.resolve("evmjit")); // beside no state-tests/target
    Process p = new ProcessBuilder("/bin/bash", launcher.toString(), "state-test").redirectErrorStream(true).start();
    assertTrue(p.waitFor(1, TimeUnit.MINUTES));
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(2, p.exitValue(), out);
    assertTrue(out.contains("./build -q package -DskipTests"), out);
  }

  @Test
  void testJvmsAllowSunMiscUnsafeQuietlyOnJdk23AndLater() {
    Assumptions.assumeTrue(Runtime.version().feature() >= 23, "the flag exists from JDK 23");
    assertTrue(ManagementFactory.getRuntimeMXBean().getInputArguments()
        .contains("--sun-misc-unsafe-memory-access=allow"), "jffi's warning silenced by the surefire argLine");
  }
}
