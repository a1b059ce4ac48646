package org.evmjit.plugin.runtime;

import static org.evmjit.plugin.runtime.StoreFixtures.artifact;
import static org.evmjit.plugin.runtime.StoreFixtures.runtimeConfig;
import static org.evmjit.plugin.runtime.StoreFixtures.start;
import static org.evmjit.plugin.runtime.TestCodes.code;
import static org.evmjit.plugin.runtime.TestCodes.quiesce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.frame.Code;
import org.evmjit.store.Artifact;
import org.evmjit.store.ArtifactKey;
import org.junit.jupiter.api.Test;

/** Preloading: stored programs are resident hits before the first lookup, hottest first, within the budget. */
class StorePreloadTest {
  private final InMemoryArtifactStore store = new InMemoryArtifactStore();
  private final FakeCompiler compiler = new FakeCompiler().storable(true);
  private final StoreFixtures.FakeFormat format = new StoreFixtures.FakeFormat();

  @Test
  void preloadedProgramsAreHitsBeforeAnyLookup() {
    for (int i = 0; i < 3; i++) {
      store.put(artifact(code(i), Fork.CANCUN, 1000, i), 0);
    }
    try (JitRuntime rt = start(runtimeConfig().build(), compiler, StoreConfig.of(store), format)) {
      assertInstanceOf(Decision.Compiled.class, rt.peek(code(0).hash(), Fork.CANCUN));
      for (int i = 0; i < 3; i++) {
        assertInstanceOf(Decision.Compiled.class, rt.lookup(code(i), Fork.CANCUN), "code " + i);
      }
      quiesce(rt); // waits for the background definitions too
      JitStats s = rt.stats();
      assertEquals(3, s.lookups().hits());
      assertEquals(0, s.compilations().dispatched(), "nothing compiled");
      assertEquals(0, compiler.started.get());
      assertEquals(3, s.store().preloaded());
      assertEquals(3000, s.store().preloadBytes());
      assertEquals(3, s.store().preloadDefined());
      assertEquals(3, format.defined.get());
      assertEquals(3, s.resident().entries());
      assertEquals(3000, s.resident().bytes());
      assertTrue(s.store().preloadMillis() >= 0);
      assertNull(s.store().unavailable());
    }
  }

  @Test
  void preloadIsHottestFirstAndStopsAtTheBudget() {
    long[] calls = {10, 50, 30, 20, 40};
    for (int i = 0; i < calls.length; i++) {
      store.put(artifact(code(i), Fork.CANCUN, 1000, i), calls[i]);
    }
    try (JitRuntime rt = start(runtimeConfig().budgetBytes(3500).build(), compiler, StoreConfig.of(store), format)) {
      JitStats s = rt.stats();
      assertEquals(3, s.store().preloaded());
      assertEquals(3000, s.resident().bytes());
      for (int i : new int[] {1, 4, 2}) {
        assertInstanceOf(Decision.Compiled.class, rt.peek(code(i).hash(), Fork.CANCUN), "hot code " + i);
      }
      for (int i : new int[] {0, 3}) {
        assertSame(Entry.NOT_YET_HOT, rt.peek(code(i).hash(), Fork.CANCUN), "cold code " + i);
      }
    }
  }

  @Test
  void onlyTheRequestedForksAndTheCurrentFingerprintArePreloaded() {
    store.put(artifact(code(1), Fork.CANCUN, 100, 1), 0);
    store.put(artifact(code(2), Fork.LONDON, 100, 2), 0);
    store.put(new Artifact(new ArtifactKey(code(3).hash(), "Cancun", "another-compiler"), 13, 3, "Other", new byte[100]), 0);
    StoreConfig cancunOnly = StoreConfig.of(store).withPreloadForks(List.of(Fork.CANCUN));
    try (JitRuntime rt = start(runtimeConfig().build(), compiler, cancunOnly, format)) {
      assertEquals(1, rt.stats().store().preloaded());
      assertInstanceOf(Decision.Compiled.class, rt.peek(code(1).hash(), Fork.CANCUN));
      assertSame(Entry.NOT_YET_HOT, rt.peek(code(2).hash(), Fork.LONDON));
      assertSame(Entry.NOT_YET_HOT, rt.peek(code(3).hash(), Fork.CANCUN));
    }
    try (JitRuntime rt = start(runtimeConfig().build(), compiler, StoreConfig.of(store), format)) {
      assertEquals(2, rt.stats().store().preloaded(), "no forks given: every fork");
      assertInstanceOf(Decision.Compiled.class, rt.peek(code(2).hash(), Fork.LONDON));
    }
  }

  @Test
  void thePreloadApiInstallsInOrderWithinTheBudgetAndSkipsKnownCode() {
    try (JitRuntime rt = JitRuntime.start(runtimeConfig().budgetBytes(2500).build(), compiler, "fake")) {
      rt.lookup(code(9), Fork.CANCUN); // compiled by the runtime itself
      quiesce(rt);
      assertEquals(1000, rt.stats().resident().bytes());
      List<PreloadedProgram> programs = List.of(program(code(9)), program(code(1)), program(code(2)), program(code(3)));
      assertEquals(1, rt.preload(programs), "code 9 is known; 1 fits; 2 would pass the budget, so it stops");
      assertInstanceOf(Decision.Compiled.class, rt.lookup(code(1), Fork.CANCUN));
      assertSame(Entry.NOT_YET_HOT, rt.peek(code(2).hash(), Fork.CANCUN));
      assertEquals(2000, rt.stats().resident().bytes());
      assertEquals(1, compiler.compileCount(code(9), Fork.CANCUN));
      assertEquals(0, compiler.compileCount(code(1), Fork.CANCUN));
    }
  }

  private static PreloadedProgram program(Code code) {
    return new PreloadedProgram(code.hash(), Fork.CANCUN,
        new Compilation.Compiled(new FakeCompiler.FakeProgram(code, Fork.CANCUN), 1000));
  }
}
