package org.evmjit.store;

import static org.evmjit.store.TestArtifacts.FINGERPRINT;
import static org.evmjit.store.TestArtifacts.FORK;
import static org.evmjit.store.TestArtifacts.artifact;
import static org.evmjit.store.TestArtifacts.key;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Map growth, and many threads reading while others write. */
class StoreConcurrencyTest {
  private static final long TINY_MAP = 256 << 10;

  @TempDir Path dir;

  @Test
  void theMapGrowsFromATinyStart() {
    Path path = dir.resolve("store");
    List<Artifact> written = new ArrayList<>();
    try (LmdbArtifactStore store = LmdbArtifactStore.open(path, StoreOptions.defaults().withInitialMapBytes(TINY_MAP))) {
      assertEquals(TINY_MAP, store.stats().mapBytes());
      for (int batch = 0; batch < 6; batch++) {
        List<Artifact> artifacts = IntStream.range(0, 20).mapToObj(i -> artifact(key(written.size() + i), 40_000, i))
            .toList();
        store.putAll(artifacts);
        written.addAll(artifacts);
      }
      Artifact big = artifact(key(9999), 1 << 20, 1); // alone larger than the first map
      store.putAll(List.of(big));
      written.add(big);
      assertTrue(store.stats().mapBytes() >= 8L << 20, "grew: " + store.stats().mapBytes());
      assertEquals(written.size(), store.stats().records());
    }
    try (LmdbArtifactStore store = LmdbArtifactStore.open(path, StoreOptions.defaults().withInitialMapBytes(TINY_MAP))) {
      assertTrue(store.stats().mapBytes() >= 8L << 20, "a reopen keeps the grown size");
      for (Artifact a : written) {
        LoadResult.Loaded l = assertInstanceOf(LoadResult.Loaded.class, store.get(a.key()));
        assertArrayEquals(a.classBytes(), l.artifact().classBytes());
      }
      store.putAll(List.of(artifact(key(10_000), 100_000, 1)));
    }
  }

  @Test
  void manyMoreReadersThanLmdbHasSlotsWhileWritersGrowTheMap() throws Exception {
    int readers = 200; // more threads than the 126 reader slots: each must give its slot back
    try (LmdbArtifactStore store = LmdbArtifactStore.open(dir.resolve("store"),
        StoreOptions.defaults().withInitialMapBytes(TINY_MAP))) {
      store.putAll(IntStream.range(0, 20).mapToObj(i -> artifact(key(i), 2000, i)).toList());
      CountDownLatch start = new CountDownLatch(1);
      Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
      AtomicInteger loads = new AtomicInteger();
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < readers; t++) {
        int id = t;
        threads.add(Thread.ofPlatform().start(() -> run(start, failures, () -> {
          for (int i = 0; i < 20; i++) {
            LoadResult r = store.get(key((id + i) % 20));
            assertInstanceOf(LoadResult.Loaded.class, r);
            loads.incrementAndGet();
          }
          store.loadAll(FORK, FINGERPRINT, Long.MAX_VALUE, r -> assertInstanceOf(LoadResult.Loaded.class, r));
        })));
      }
      for (int w = 0; w < 2; w++) {
        int id = w;
        threads.add(Thread.ofPlatform().start(() -> run(start, failures, () -> {
          for (int i = 0; i < 15; i++) {
            store.putAll(List.of(artifact(key(1000 + id * 100 + i), 60_000, i)));
            store.addCalls(java.util.Map.of(key(i % 20), 1L));
          }
        })));
      }
      start.countDown();
      for (Thread t : threads) {
        t.join();
      }
      assertTrue(failures.isEmpty(), () -> failures.size() + " failures, first: " + failures.peek());
      assertEquals(readers * 20, loads.get());
      assertEquals(50, store.stats().records());
      assertTrue(store.stats().mapBytes() > TINY_MAP, "the writers grew the map while readers read");
    }
  }

  private static void run(CountDownLatch start, Queue<Throwable> failures, Runnable body) {
    try {
      start.await();
      body.run();
    } catch (Throwable e) {
      failures.add(e);
    }
  }
}
