package org.evmjit.statetest.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParallelRunnerTest {
  private static List<EntryResult> fakeRun(FixtureFile f) {
    return List.of(EntryResult.fileFailure(f.displayName(), "x"));
  }

  @Test
  void deliversResultsInInputOrder() {
    List<FixtureFile> files = IntStream.range(0, 200)
        .mapToObj(i -> new FixtureFile(Path.of("f" + i), String.format("f%03d", i))).toList();
    Random random = new Random(1);
    List<Integer> delays = IntStream.range(0, 200).map(i -> random.nextInt(3)).boxed().toList();
    List<String> seen = new ArrayList<>();
    new ParallelRunner(8).run(files.iterator(), f -> {
      try {
        Thread.sleep(delays.get(Integer.parseInt(f.displayName().substring(1))));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return fakeRun(f);
    }, results -> seen.add(results.get(0).file()));
    assertEquals(files.stream().map(FixtureFile::displayName).toList(), seen);
  }

  @Test
  void runsEachFileAsItArrives() throws Exception {
    BlockingQueue<String> lines = new ArrayBlockingQueue<>(10);
    Iterator<FixtureFile> source = new Iterator<>() {
      private String next;

      @Override
      public boolean hasNext() {
        try {
          if (next == null) {
            next = lines.take();
          }
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
        return !next.isEmpty();
      }

      @Override
      public FixtureFile next() {
        hasNext();
        FixtureFile f = new FixtureFile(Path.of(next), next);
        next = null;
        return f;
      }
    };
    CountDownLatch firstDone = new CountDownLatch(1);
    List<String> seen = new ArrayList<>();
    Thread feeder = Thread.ofPlatform().start(() -> {
      try {
        lines.put("one");
        // The second name is only sent once the first result came out: no batching.
        if (firstDone.await(10, TimeUnit.SECONDS)) {
          lines.put("two");
        }
        lines.put("");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
        new ParallelRunner(2).run(source, ParallelRunnerTest::fakeRun, results -> {
          seen.add(results.get(0).file());
          firstDone.countDown();
        }));
    feeder.join();
    assertEquals(List.of("one", "two"), seen);
  }
}
