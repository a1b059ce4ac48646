package org.evmjit.plugin.runtime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.evmjit.store.Artifact;
import org.evmjit.store.ArtifactKey;
import org.evmjit.store.ArtifactStore;
import org.evmjit.store.LoadResult;
import org.evmjit.store.RejectReason;

/**
 * An {@link ArtifactStore} in memory for the runtime's tests: the documented semantics (hottest
 * first, budget, rejections take records out), plus faults on demand: writes that throw or
 * block, and records whose class bytes are garbage although they "pass the store's checks".
 */
final class InMemoryArtifactStore implements ArtifactStore {
  private final Map<ArtifactKey, Artifact> artifacts = new LinkedHashMap<>();
  private final Map<ArtifactKey, Long> calls = new HashMap<>();
  private final Map<ArtifactKey, RejectReason> rejected = new LinkedHashMap<>();
  final AtomicInteger putAllCalls = new AtomicInteger();
  final AtomicInteger getCalls = new AtomicInteger();
  private volatile boolean failWrites;
  private volatile CountDownLatch writeGate;

  @Override
  public Path directory() {
    return Path.of("/in-memory");
  }

  /** Every putAll and addCalls from now on throws. */
  InMemoryArtifactStore failWrites(boolean fail) {
    failWrites = fail;
    return this;
  }

  /** Every putAll waits for {@code gate} first. */
  InMemoryArtifactStore blockWrites(CountDownLatch gate) {
    writeGate = gate;
    return this;
  }

  @Override
  public void putAll(Collection<Artifact> batch) {
    putAllCalls.incrementAndGet();
    awaitGate(); // outside the monitor: reads go on meanwhile
    if (failWrites) {
      throw new IllegalStateException("disk full (fake)");
    }
    synchronized (this) {
      for (Artifact a : batch) {
        artifacts.put(a.key(), a);
      }
    }
  }

  private void awaitGate() {
    CountDownLatch g = writeGate;
    if (g != null) {
      try {
        g.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Stores {@code a} with {@code n} recorded calls, as an earlier run would have. */
  synchronized void put(Artifact a, long n) {
    artifacts.put(a.key(), a);
    calls.put(a.key(), n);
  }

  @Override
  public synchronized LoadResult get(ArtifactKey key) {
    getCalls.incrementAndGet();
    Artifact a = artifacts.get(key);
    return a == null ? null : new LoadResult.Loaded(a, calls.getOrDefault(key, 0L));
  }

  @Override
  public synchronized int loadAll(String fork, String fingerprint, long maxClassBytes, Consumer<LoadResult> sink) {
    List<Artifact> matching = new ArrayList<>();
    for (Artifact a : artifacts.values()) {
      if (a.key().fork().equals(fork) && a.key().fingerprint().equals(fingerprint)) {
        matching.add(a);
      }
    }
    matching.sort(Comparator.comparingLong((Artifact a) -> calls.getOrDefault(a.key(), 0L)).reversed()
        .thenComparing(Comparator.comparingLong(Artifact::createdMillis).reversed()));
    long bytes = 0;
    int n = 0;
    for (Artifact a : matching) {
      if (bytes + a.classBytes().length > maxClassBytes) {
        break;
      }
      bytes += a.classBytes().length;
      sink.accept(new LoadResult.Loaded(a, calls.getOrDefault(a.key(), 0L)));
      n++;
    }
    return n;
  }

  @Override
  public synchronized void addCalls(Map<ArtifactKey, Long> more) {
    if (failWrites) {
      throw new IllegalStateException("disk full (fake)");
    }
    more.forEach((k, v) -> calls.merge(k, v, Long::sum));
  }

  @Override
  public synchronized void reject(ArtifactKey key, RejectReason reason, String detail) {
    artifacts.remove(key);
    rejected.put(key, reason);
  }

  @Override
  public synchronized boolean remove(ArtifactKey key) {
    return artifacts.remove(key) != null;
  }

  synchronized Map<ArtifactKey, Artifact> artifacts() {
    return Map.copyOf(artifacts);
  }

  synchronized Map<ArtifactKey, RejectReason> rejected() {
    return Map.copyOf(rejected);
  }

  synchronized long calls(ArtifactKey key) {
    return calls.getOrDefault(key, 0L);
  }

  @Override
  public synchronized List<RecordInfo> list() {
    return artifacts.values().stream().map(a -> new RecordInfo(a.key(), 1, 65, a.codeLength(), a.createdMillis(),
        a.className(), a.classBytes().length, calls.getOrDefault(a.key(), 0L))).toList();
  }

  @Override
  public VerifyReport verify(boolean repair) {
    return new VerifyReport(artifacts.size(), artifacts.size(), List.of(), repair);
  }

  @Override
  public GcReport gc(String keepFingerprint, long diskBudgetBytes) {
    return new GcReport(0, 0, 0, 0);
  }

  @Override
  public synchronized StoreStats stats() {
    Map<RejectReason, Long> byReason = new EnumMap<>(RejectReason.class);
    rejected.values().forEach(r -> byReason.merge(r, 1L, Long::sum));
    return new StoreStats(artifacts.size(), artifacts.values().stream().mapToLong(a -> a.classBytes().length).sum(),
        calls.size(), 0, 0, byReason);
  }

  @Override
  public void close() {}
}
