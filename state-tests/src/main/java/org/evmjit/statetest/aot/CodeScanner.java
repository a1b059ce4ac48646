package org.evmjit.statetest.aot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.evmjit.statetest.fixture.FixtureException;

/**
 * Reads the input files on a few threads and keeps each distinct code once (by Keccak hash, the
 * first place it was found naming it). A file that cannot be read is reported and counted; the
 * scan goes on.
 */
public final class CodeScanner {
  private final CodeFiles files = new CodeFiles();
  private final int workers;

  public CodeScanner(int workers) {
    this.workers = workers;
  }

  /**
   * What the scan found: the distinct codes in order of first sight, how many codes were seen in
   * all, and the files that failed.
   */
  public record Result(List<ContractCode> codes, long seen, int files, int failedFiles) {}

  /**
   * Scans {@code inputs}; {@code failures} gets one message per file that cannot be read,
   * {@code progress} the number of files done so far (both on the calling thread).
   */
  public Result scan(List<Path> inputs, Consumer<String> failures, LongConsumer progress) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(workers, Thread.ofPlatform().daemon().name("evmjit-aot-scan-", 1).factory());
    try {
      List<Future<List<ContractCode>>> pending = new ArrayList<>();
      for (Path p : inputs) {
        pending.add(pool.submit(() -> files.read(p)));
      }
      Map<String, ContractCode> unique = new LinkedHashMap<>();
      long seen = 0;
      int failed = 0;
      for (int i = 0; i < pending.size(); i++) {
        try {
          for (ContractCode c : pending.get(i).get()) {
            unique.putIfAbsent(c.hashHex(), c);
            seen++;
          }
        } catch (ExecutionException e) {
          failed++;
          failures.accept(message(inputs.get(i), e.getCause()));
        }
        pending.set(i, null); // the file's codes are kept in unique, or dropped
        progress.accept(i + 1);
      }
      return new Result(List.copyOf(unique.values()), seen, inputs.size(), failed);
    } finally {
      pool.shutdownNow();
    }
  }

  private static String message(Path file, Throwable t) {
    return t instanceof FixtureException || t instanceof IllegalArgumentException ? t.getMessage()
        : file + ": cannot read: " + t;
  }
}
