package org.evmjit.statetest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real store (filled by {@code aot} from the bundled examples) cut or overwritten in several
 * ways, then {@code state-test --engine runtime --store} (which preloads it) and
 * {@code store verify} run in a child JVM each, so a crash inside LMDB (SIGBUS on a page past the
 * end of the file) fails this test instead of killing the test JVM. Every damaged store must be
 * refused before LMDB reads a page: the run warns once and goes on in memory, passing every
 * entry; verify names the problem and exits non-zero.
 */
class DamagedStoreTest {
  /** Offsets in a meta page: LMDB's MDB_meta after the 16-byte page header. */
  private static final int MAGIC = 16;
  private static final int PAGE_SIZE = 16 + 24;
  private static final int LAST_PAGE = 16 + 120;
  private static final int TXN_ID = 16 + 128;

  @TempDir Path dir;
  private Path store;
  /** The page size, and where the pages of the newest meta page end. */
  private int page;
  private long length;

  private static Path examples() throws Exception {
    return Path.of(DamagedStoreTest.class.getResource("/org/evmjit/statetest/examples/arithmetic.json").toURI())
        .getParent();
  }

  @BeforeEach
  void fillStore() throws Exception {
    store = dir.resolve("store");
    CliRun aot = CliRun.of("aot", "--store", store.toString(), examples().toString());
    assertEquals(0, aot.status(), aot.toString());
    ByteBuffer file = ByteBuffer.wrap(Files.readAllBytes(store.resolve("data.mdb"))).order(ByteOrder.nativeOrder());
    page = file.getInt(PAGE_SIZE);
    int newest = file.getLong(page + TXN_ID) > file.getLong(TXN_ID) ? page : 0;
    length = (file.getLong(newest + LAST_PAGE) + 1) * page;
    assertTrue(length > 4L * page && length <= file.capacity(), "the store has data pages past the two meta pages,"
        + " all in the file: " + length + " of " + file.capacity() + " bytes");
  }

  @Test
  void undamagedStoreIsPreloadedAndVerifies() throws Exception {
    Child run = child("state-test", "--engine", "runtime", "--store", store.toString(), examples().toString());
    assertEquals(0, run.status, run.toString());
    assertTrue(run.err.contains("preloaded"), run.toString());
    Child verify = child("store", "verify", "--store", store.toString());
    assertEquals(0, verify.status, verify.toString());
  }

  @Test
  void truncatedStoreIsRefusedAtEveryLength() throws Exception {
    for (long cut : new long[] {length / 2, length - page, length - 1, 2L * page + 1, 2L * page, page + 100, 100, 0}) {
      Path copy = copy("cut-" + cut);
      try (RandomAccessFile f = new RandomAccessFile(copy.resolve("data.mdb").toFile(), "rw")) {
        f.setLength(cut);
      }
      assertRefused(copy, cut == 0 || cut == 100 || cut == page + 100 ? "too short to hold LMDB's" : "was truncated",
          "cut to " + cut + " of " + length + " bytes");
    }
  }

  @Test
  void overwrittenMetaPagesAreRefused() throws Exception {
    Path magic = copy("magic");
    overwrite(magic, 0, MAGIC, 0x12345678L, 4);
    assertRefused(magic, "is not an LMDB file: meta page 0", "meta page 0's magic overwritten");

    Path secondMagic = copy("magic1");
    overwrite(secondMagic, page, MAGIC, 0, 4);
    assertRefused(secondMagic, "is not an LMDB file: meta page 1", "meta page 1's magic overwritten");

    Path lastPage = copy("last-page");
    long pages = length / page;
    overwrite(lastPage, 0, LAST_PAGE, pages + 10, 8);
    overwrite(lastPage, page, LAST_PAGE, pages + 10, 8);
    assertRefused(lastPage, "was truncated", "last page number past the end of the file");

    Path huge = copy("huge");
    overwrite(huge, 0, LAST_PAGE, -2L, 8);
    overwrite(huge, page, LAST_PAGE, -2L, 8);
    assertRefused(huge, "is impossible", "last page number 2^64-2");
  }

  private void assertRefused(Path damaged, String reason, String what) throws Exception {
    Child run = child("state-test", "--engine", "runtime", "--store", damaged.toString(), examples().toString());
    assertEquals(0, run.status, what + ": the run goes on in memory\n" + run);
    assertEquals(1, run.err.lines().filter(l -> l.contains("artifact store unavailable")).count(), what + "\n" + run);
    assertTrue(run.err.contains(reason), what + ": expected \"" + reason + "\"\n" + run);
    assertTrue(run.out.lines().anyMatch(l -> l.matches("\\d+ passed, 0 failed, 0 skipped.*")), what + "\n" + run);

    Child verify = child("store", "verify", "--store", damaged.toString());
    assertTrue(verify.status != 0 && verify.status != 134, what + ": verify fails without a crash\n" + verify);
    assertTrue(verify.err.contains(reason), what + ": expected \"" + reason + "\"\n" + verify);
  }

  private Path copy(String name) throws IOException {
    Path copy = dir.resolve(name);
    Files.createDirectories(copy);
    try (Stream<Path> files = Files.list(store)) {
      for (Path f : files.toList()) {
        Files.copy(f, copy.resolve(f.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
    return copy;
  }

  /** Writes the low {@code bytes} bytes of {@code value} (native order, as LMDB does) at {@code page + offset}. */
  private static void overwrite(Path store, long page, int offset, long value, int bytes) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putLong(value);
    byte[] field = new byte[bytes];
    System.arraycopy(b.array(), ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? 0 : 8 - bytes, field, 0, bytes);
    try (RandomAccessFile f = new RandomAccessFile(store.resolve("data.mdb").toFile(), "rw")) {
      f.seek(page + offset);
      f.write(field);
    }
  }

  private record Child(int status, String out, String err) {
    @Override
    public String toString() {
      return "exit " + status + (status == 134 ? " (the JVM crashed)" : "") + "\n--- out:\n" + out + "\n--- err:\n" + err;
    }
  }

  /** Runs the command line in another JVM (with the test's class path) and waits up to two minutes. */
  private Child child(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED", "-XX:ErrorFile=" + dir.resolve("hs_err_%p.log"), "-cp",
        System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out.toFile())
        .redirectError(err.toFile()).start();
    if (!p.waitFor(2, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("no answer in two minutes: " + command);
    }
    return new Child(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }
}
