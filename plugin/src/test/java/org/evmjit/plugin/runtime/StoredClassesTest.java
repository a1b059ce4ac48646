package org.evmjit.plugin.runtime;

import static org.evmjit.plugin.runtime.StoreFixtures.runtimeConfig;
import static org.evmjit.plugin.runtime.StoreFixtures.start;
import static org.evmjit.plugin.runtime.TestCodes.quiesce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.frame.Code;
import org.evmjit.evm.state.WorldState;
import org.evmjit.evm.tx.ExecutionStatus;
import org.evmjit.evm.tx.Transaction;
import org.evmjit.evm.tx.TransactionResult;
import org.evmjit.evm.word.Word;
import org.evmjit.plugin.compiler.CompilerFingerprint;
import org.evmjit.plugin.runtime.asm.AsmArtifactFormat;
import org.evmjit.plugin.runtime.asm.AsmProgramCompiler;
import org.evmjit.store.Artifact;
import org.evmjit.store.ArtifactKey;
import org.evmjit.store.RejectReason;
import org.junit.jupiter.api.Test;

/** The real compiler's classes through a store: a restart runs them exactly; a class the JVM refuses is rejected. */
class StoredClassesTest {
  private final InMemoryArtifactStore store = new InMemoryArtifactStore();
  private final Contracts world = new Contracts(20);

  private JitRuntime start(JitConfig config, StoreConfig storeConfig) {
    return StoreFixtures.start(config, new AsmProgramCompiler(), storeConfig, new AsmArtifactFormat());
  }

  /** Runs a call of each of the contracts 0, 5, 10, 15 (and their children) on both engines; fails on a difference. */
  private void runAll(JitRuntime rt) {
    WorldState jit = world.pre.copy();
    WorldState ref = world.pre.copy();
    long nonce = 0;
    for (int round = 0; round < 2; round++) {
      for (int c = 0; c < 20; c += 5) {
        Transaction tx = world.call(c, nonce++, round * 31L + c);
        TransactionResult expected = Contracts.run(ref, null, tx);
        TransactionResult actual = Contracts.run(jit, rt.selector(), tx);
        assertNull(Contracts.compare(expected, actual), "round " + round + " contract " + c);
      }
      quiesce(rt);
    }
    assertEquals(Arrays.toString(ref.stateRoot()), Arrays.toString(jit.stateRoot()));
  }

  private Code code(int contract) {
    return world.pre.get(Contracts.address(contract)).code();
  }

  private static ArtifactKey key(Code code) {
    return new ArtifactKey(code.hash(), Fork.CANCUN.fixtureName(), CompilerFingerprint.get());
  }

  @Test
  void aRestartRunsTheStoredClassesExactlyWithoutCompiling() {
    JitRuntime first = start(runtimeConfig().build(), StoreConfig.of(store));
    runAll(first);
    first.close();
    int compiled = (int) first.stats().compilations().succeeded();
    assertEquals(8, compiled, "4 callers and 4 children");
    assertEquals(compiled, first.stats().store().persisted());
    assertEquals(compiled, store.artifacts().size());

    JitRuntime second = start(runtimeConfig().build(), StoreConfig.of(store));
    assertEquals(compiled, second.stats().store().preloaded());
    runAll(second);
    quiesce(second); // preloaded classes are defined in the background
    JitStats s = second.stats();
    second.close();
    assertEquals(0, s.compilations().dispatched(), "everything came from the store");
    assertEquals(compiled, s.store().preloadDefined());
    assertTrue(s.lookups().hits() > 0);
    assertEquals(0, s.store().rejectedTotal());
  }

  @Test
  void aPreloadedClassTheJvmRefusesIsRejectedAndItsCodeRunsOnTheInterpreter() {
    storeTruncatedClassOf(code(0));
    JitRuntime rt = start(runtimeConfig().threshold(1000).build(), StoreConfig.of(store));
    assertEquals(1, rt.stats().store().preloaded(), "the store's checks pass it");
    runAll(rt); // whether or not the definition has failed yet, frames of contract 0 interpret
    JitStats s = rt.stats();
    assertSame(Entry.NOT_YET_HOT, rt.peek(code(0).hash(), Fork.CANCUN), "taken out: cold again");
    rt.close();
    assertEquals(1, s.store().rejected().get(RejectReason.CLASS_DEFINE));
    assertEquals(0, s.store().preloadDefined());
    assertEquals(RejectReason.CLASS_DEFINE, store.rejected().get(key(code(0))));
  }

  @Test
  void aStoredClassTheJvmRefusesAtCompileTimeIsRejectedAndCompiledAfresh() {
    storeTruncatedClassOf(code(1));
    StoreConfig noPreload = StoreConfig.of(store).withPreloadForks(List.of(Fork.FRONTIER));
    JitRuntime rt = start(runtimeConfig().build(), noPreload);
    rt.lookup(code(1), Fork.CANCUN);
    quiesce(rt);
    assertInstanceOf(Decision.Compiled.class, rt.lookup(code(1), Fork.CANCUN));
    runAll(rt);
    rt.close();
    JitStats s = rt.stats();
    assertEquals(1, s.store().rejected().get(RejectReason.CLASS_DEFINE));
    assertEquals(0, s.store().loadedFromStore());
    Artifact rewritten = store.artifacts().get(key(code(1)));
    assertTrue(rewritten != null && rewritten.classBytes().length > 100, "the fresh compile replaced it");
  }

  /** Returns CLZ of the first calldata word: undefined (INVALID) before Osaka, so its classes differ. */
  private static final byte[] CLZ_CODE = {0x60, 0x00, 0x35, 0x1e, 0x60, 0x00, 0x52, 0x60, 0x20, 0x60, 0x00, (byte) 0xf3};

  @Test
  void oneCodeCompiledForPragueAndOsakaIsStoredTwiceUnderItsForkAndLoadsBack() {
    WorldState pre = world.pre.copy();
    pre.putAccount(Contracts.address(20), 1, Word.ZERO, CLZ_CODE, Map.of());
    Code code = pre.get(Contracts.address(20)).code();
    Transaction tx = world.call(20, 0, 0x1234); // CLZ = 256 - 13
    JitRuntime first = start(runtimeConfig().build(), StoreConfig.of(store));
    for (Fork fork : List.of(Fork.PRAGUE, Fork.OSAKA)) {
      first.lookup(code, fork);
    }
    quiesce(first);
    first.close();
    ArtifactKey prague = new ArtifactKey(code.hash(), "Prague", CompilerFingerprint.get());
    ArtifactKey osaka = new ArtifactKey(code.hash(), "Osaka", CompilerFingerprint.get());
    assertNotEquals(prague, osaka);
    assertEquals(2, store.artifacts().size());
    assertFalse(Arrays.equals(store.artifacts().get(prague).classBytes(), store.artifacts().get(osaka).classBytes()),
        "CLZ compiled as an instruction for Osaka, as INVALID for Prague");

    JitRuntime second = start(runtimeConfig().build(), StoreConfig.of(store));
    assertEquals(2, second.stats().store().preloaded());
    for (Fork fork : List.of(Fork.PRAGUE, Fork.OSAKA)) {
      TransactionResult expected = Contracts.run(pre.copy(), null, tx, fork);
      TransactionResult actual = Contracts.run(pre.copy(), second.selector(), tx, fork);
      assertNull(Contracts.compare(expected, actual), fork.fixtureName());
    }
    assertEquals(ExecutionStatus.HALT, Contracts.run(pre.copy(), second.selector(), tx, Fork.PRAGUE).status());
    assertEquals(BigInteger.valueOf(256 - 13),
        new BigInteger(1, Contracts.run(pre.copy(), second.selector(), tx, Fork.OSAKA).output()));
    quiesce(second); // preloaded classes are defined in the background
    JitStats s = second.stats();
    second.close();
    assertEquals(0, s.compilations().dispatched(), "both came from the store");
    assertEquals(2, s.store().preloadDefined());
  }

  /** Stores the first half of the real class of {@code code}: it passes the store's checks, not the JVM's. */
  private void storeTruncatedClassOf(Code code) {
    Compilation.Compiled c = (Compilation.Compiled) new AsmProgramCompiler().compile(code, Fork.CANCUN);
    byte[] half = Arrays.copyOf(c.classFile(), c.classFile().length / 2);
    store.put(new Artifact(key(code), code.size(), 1, c.className(), half), 5);
  }
}
