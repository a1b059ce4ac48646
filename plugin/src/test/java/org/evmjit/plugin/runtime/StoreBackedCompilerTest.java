package org.evmjit.plugin.runtime;

import static org.evmjit.plugin.runtime.StoreFixtures.artifact;
import static org.evmjit.plugin.runtime.StoreFixtures.runtimeConfig;
import static org.evmjit.plugin.runtime.StoreFixtures.start;
import static org.evmjit.plugin.runtime.TestCodes.code;
import static org.evmjit.plugin.runtime.TestCodes.quiesce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.evmjit.evm.fork.Fork;
import org.evmjit.plugin.runtime.stub.StubCompilerProvider;
import org.junit.jupiter.api.Test;

/** Hot code that the store has is loaded from it, not compiled; a store that cannot be used is reported. */
class StoreBackedCompilerTest {
  private final InMemoryArtifactStore store = new InMemoryArtifactStore();
  private final FakeCompiler compiler = new FakeCompiler().storable(true);
  private final StoreFixtures.FakeFormat format = new StoreFixtures.FakeFormat();

  @Test
  void hotCodeInTheStoreIsLoadedInsteadOfCompiled() {
    store.put(artifact(code(1), Fork.CANCUN, 700, 1), 0);
    StoreConfig noPreload = StoreConfig.of(store).withPreloadForks(List.of(Fork.FRONTIER)); // as if over the budget
    JitRuntime rt = start(runtimeConfig().build(), compiler, noPreload, format);
    assertEquals(0, rt.stats().store().preloaded());
    rt.lookup(code(1), Fork.CANCUN);
    rt.lookup(code(2), Fork.CANCUN);
    quiesce(rt);
    assertInstanceOf(Decision.Compiled.class, rt.lookup(code(1), Fork.CANCUN));
    assertEquals(0, compiler.compileCount(code(1), Fork.CANCUN), "taken from the store");
    assertEquals(1, compiler.compileCount(code(2), Fork.CANCUN), "not in the store: compiled");
    assertEquals(700 + 1000, rt.stats().resident().bytes(), "the stored class counts its own size");
    assertTrue(rt.shutdown(TestCodes.WAIT));
    JitStats s = rt.stats();
    assertEquals(2, s.compilations().succeeded());
    assertEquals(1, s.store().loadedFromStore());
    assertEquals(1, s.store().persisted(), "only the new compile is written; the loaded one is there already");
    assertEquals(2, store.artifacts().size());
  }

  @Test
  void anUnavailableStoreLeavesTheRuntimeInMemory() {
    StoreConfig unavailable = StoreConfig.unavailable(Path.of("/nowhere"), "locked by another process");
    try (JitRuntime rt = start(runtimeConfig().build(), compiler, unavailable, format)) {
      rt.lookup(code(1), Fork.CANCUN);
      quiesce(rt);
      assertInstanceOf(Decision.Compiled.class, rt.lookup(code(1), Fork.CANCUN));
      JitStats.Store s = rt.stats().store();
      assertEquals("locked by another process", s.unavailable());
      assertEquals("/nowhere", s.directory());
      assertEquals(0, s.persisted());
      assertTrue(rt.stats().toJson().contains("\"unavailable\" : \"locked by another process\""), rt.stats().toJson());
    }
  }

  @Test
  void aCompilerWithoutClassFilesCannotUseTheStore() {
    try (JitRuntime rt = JitRuntime.start(runtimeConfig().build(), new StubCompilerProvider(), StoreConfig.of(store))) {
      assertEquals("compiler 'stub' generates no class files to store", rt.stats().store().unavailable());
    }
    assertEquals(0, store.getCalls.get());
  }
}
