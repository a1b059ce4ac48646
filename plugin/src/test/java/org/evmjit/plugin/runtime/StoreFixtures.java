package org.evmjit.plugin.runtime;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.evmjit.evm.exec.ExecutionEngine;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.frame.Code;
import org.evmjit.store.Artifact;
import org.evmjit.store.ArtifactKey;

/** Helpers for the store tests: a fake artifact format, artifacts, runtimes with a store. */
final class StoreFixtures {
  static final String FINGERPRINT = "fake-1";

  private StoreFixtures() {}

  /** "Defines" any bytes as a {@link FakeCompiler.FakeProgram} (the interpreter, counting runs). */
  static final class FakeFormat implements ArtifactFormat {
    final AtomicInteger defined = new AtomicInteger();

    @Override
    public String fingerprint() {
      return FINGERPRINT;
    }

    @Override
    public ExecutionEngine define(byte[] classFile, Fork fork) {
      defined.incrementAndGet();
      return new FakeCompiler.FakeProgram(null, fork);
    }
  }

  static ArtifactKey key(Code code, Fork fork) {
    return new ArtifactKey(code.hash(), fork.fixtureName(), FINGERPRINT);
  }

  /** An artifact of {@code classBytes} bytes for {@code code}, created at {@code createdMillis}. */
  static Artifact artifact(Code code, Fork fork, int classBytes, long createdMillis) {
    return new Artifact(key(code, fork), code.size(), createdMillis, "Fake_" + createdMillis, new byte[classBytes]);
  }

  /** A store config whose warnings are collected in {@code warnings}. */
  static StoreConfig config(InMemoryArtifactStore store, List<String> warnings) {
    return StoreConfig.of(store).withWarnings(warnings::add);
  }

  static List<String> warnings() {
    return new CopyOnWriteArrayList<>();
  }

  static JitRuntime start(JitConfig config, ProgramCompiler compiler, StoreConfig store, ArtifactFormat format) {
    return start(config, compiler, store, format, System::nanoTime);
  }

  static JitRuntime start(JitConfig config, ProgramCompiler compiler, StoreConfig store, ArtifactFormat format,
      LongSupplier clock) {
    return JitRuntime.start(config, compiler, "fake", clock, store, format);
  }

  /** Waits until {@code condition} holds (10 s at most). */
  static void await(BooleanSupplier condition, Supplier<String> what) throws InterruptedException {
    long deadline = System.nanoTime() + TestCodes.WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("timed out waiting: " + what.get());
      }
      Thread.sleep(5);
    }
  }

  /** Test defaults: one worker, no idle eviction, housekeeping only when called. */
  static JitConfig.Builder runtimeConfig() {
    return TestCodes.config().threshold(0).shutdownTimeout(Duration.ofSeconds(10));
  }
}
