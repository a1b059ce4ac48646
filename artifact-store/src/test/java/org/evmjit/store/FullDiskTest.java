package org.evmjit.store;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store on a full disk: LMDB reports the short write as EIO, and the message says the disk is
 * full. Needs a 2 MiB tmpfs, so it runs only where this user may mount one (root), else skips.
 */
class FullDiskTest {
  @TempDir Path dir;
  private Path mount;

  private static boolean run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
  }

  @AfterEach
  void unmount() throws Exception {
    if (mount != null) {
      run("umount", mount.toString());
    }
  }

  @Test
  void aFullDiskIsNamedSo() throws Exception {
    Path target = Files.createDirectories(dir.resolve("small"));
    Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", target.toString()),
        "cannot mount a tmpfs here (not root)");
    mount = target;
    try (LmdbArtifactStore store = LmdbArtifactStore.open(target.resolve("store"),
        StoreOptions.defaults().withInitialMapBytes(1 << 20))) {
      StoreUnavailableException e = assertThrows(StoreUnavailableException.class, () -> {
        for (int batch = 0; batch < 100; batch++) {
          int first = batch * 10;
          store.putAll(IntStream.range(first, first + 10)
              .mapToObj(i -> TestArtifacts.artifact(TestArtifacts.key(i), 50_000, i)).toList());
        }
      });
      assertTrue(e.getMessage().contains("the disk holding the store is full"), e.getMessage());
    }
  }
}
