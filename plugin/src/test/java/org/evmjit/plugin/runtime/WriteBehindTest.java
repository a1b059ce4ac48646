package org.evmjit.plugin.runtime;

import static org.evmjit.plugin.runtime.StoreFixtures.await;
import static org.evmjit.plugin.runtime.StoreFixtures.key;
import static org.evmjit.plugin.runtime.StoreFixtures.runtimeConfig;
import static org.evmjit.plugin.runtime.StoreFixtures.start;
import static org.evmjit.plugin.runtime.TestCodes.code;
import static org.evmjit.plugin.runtime.TestCodes.quiesce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.evmjit.evm.fork.Fork;
import org.evmjit.store.Artifact;
import org.junit.jupiter.api.Test;

/** Write-behind: every compile is persisted in batches off the callers' threads; failures stay inside. */
class WriteBehindTest {
  private static final Duration NEVER = Duration.ofHours(1);

  private final InMemoryArtifactStore store = new InMemoryArtifactStore();
  private final FakeCompiler compiler = new FakeCompiler().storable(true);
  private final StoreFixtures.FakeFormat format = new StoreFixtures.FakeFormat();
  private final List<String> warnings = StoreFixtures.warnings();

  private JitRuntime start(StoreConfig config) {
    return StoreFixtures.start(runtimeConfig().build(), compiler, config.withWarnings(warnings::add), format);
  }

  private static void compile(JitRuntime rt, int codes) {
    for (int i = 0; i < codes; i++) {
      rt.lookup(code(i), Fork.CANCUN);
    }
    quiesce(rt);
  }

  @Test
  void compiledArtifactsArePersistedInBatches() throws Exception {
    JitRuntime rt = start(StoreConfig.of(store).withQueue(100, 3, Duration.ofMillis(20)));
    compile(rt, 7);
    await(() -> store.artifacts().size() == 7, () -> store.artifacts().keySet().toString());
    assertTrue(rt.shutdown(Duration.ofSeconds(10)));
    JitStats.Store s = rt.stats().store();
    assertEquals(7, s.persisted());
    assertTrue(s.persistBatches() >= 3, "batches of at most 3: " + s.persistBatches());
    assertEquals(0, s.persistDropped());
    for (int i = 0; i < 7; i++) {
      Artifact a = store.artifacts().get(key(code(i), Fork.CANCUN));
      assertNotNull(a, "code " + i);
      assertEquals(1000, a.classBytes().length);
      assertEquals(code(i).size(), a.codeLength());
    }
  }

  @Test
  void closingWritesWhatIsQueued() {
    JitRuntime rt = start(StoreConfig.of(store).withQueue(100, 1000, NEVER));
    compile(rt, 5);
    assertEquals(0, store.artifacts().size(), "neither a full batch nor the flush interval yet");
    assertEquals(5, rt.stats().store().persistQueued());
    assertTrue(rt.shutdown(Duration.ofSeconds(10)));
    assertEquals(5, store.artifacts().size());
    JitStats.Store s = rt.stats().store();
    assertEquals(5, s.persisted());
    assertEquals(1, s.persistBatches());
    assertEquals(0, s.persistQueued());
  }

  @Test
  void aFullQueueDropsAndCounts() {
    JitRuntime rt = start(StoreConfig.of(store).withQueue(2, 1000, NEVER));
    compile(rt, 5);
    JitStats s = rt.stats();
    assertEquals(5, s.compilations().succeeded(), "callers and compiles never wait for the store");
    assertEquals(3, s.store().persistDropped());
    assertEquals(2, s.store().persistQueued());
    rt.close();
    assertEquals(2, rt.stats().store().persisted());
    assertEquals(2, store.artifacts().size());
  }

  @Test
  void storeFailuresAreCountedReportedOnceAndNeverReachCallers() throws Exception {
    store.failWrites(true);
    JitRuntime rt = start(StoreConfig.of(store).withQueue(100, 1, Duration.ofMillis(5)).withMaxFailures(2));
    compile(rt, 5);
    for (int i = 0; i < 5; i++) {
      assertInstanceOf(Decision.Compiled.class, rt.lookup(code(i), Fork.CANCUN), "code " + i);
    }
    await(() -> rt.stats().store().persistStopped() != null, () -> rt.stats().toJson());
    assertTrue(rt.shutdown(Duration.ofSeconds(10)));
    JitStats.Store s = rt.stats().store();
    assertEquals(2, s.persistFailures());
    assertEquals(0, s.persisted());
    assertTrue(s.persistStopped().contains("2 failures in a row"), s.persistStopped());
    assertEquals(2, warnings.size(), "the first failure and the stop: " + warnings);
    assertTrue(warnings.get(0).contains("disk full (fake)"), warnings.get(0));
    assertEquals(5, rt.stats().compilations().succeeded());
  }
}
