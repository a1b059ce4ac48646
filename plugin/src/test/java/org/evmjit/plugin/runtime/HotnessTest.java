package org.evmjit.plugin.runtime;

import static org.evmjit.plugin.runtime.StoreFixtures.key;
import static org.evmjit.plugin.runtime.StoreFixtures.runtimeConfig;
import static org.evmjit.plugin.runtime.TestCodes.code;
import static org.evmjit.plugin.runtime.TestCodes.quiesce;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.evmjit.evm.fork.Fork;
import org.junit.jupiter.api.Test;

/** Observed calls reach the store: the count at promotion, then one per housekeeping tick in use. */
class HotnessTest {
  private final InMemoryArtifactStore store = new InMemoryArtifactStore();
  private final TestCodes.ManualClock clock = new TestCodes.ManualClock();

  @Test
  void callsAreRecordedWithoutTouchingTheLookupPath() {
    JitRuntime rt = StoreFixtures.start(runtimeConfig().threshold(2).build(), new FakeCompiler().storable(true),
        StoreConfig.of(store).withHotnessInterval(Duration.ofHours(1)), new StoreFixtures.FakeFormat(), clock);
    for (int i = 0; i < 3; i++) {
      rt.lookup(code(1), Fork.CANCUN); // call 3 promotes it
    }
    rt.lookup(code(2), Fork.CANCUN); // stays cold: not recorded
    quiesce(rt);
    for (int tick = 0; tick < 4; tick++) {
      clock.advance(Duration.ofMillis(5));
      rt.coordinator().housekeepNow();
      if (tick % 2 == 0) {
        rt.lookup(code(1), Fork.CANCUN); // a hit in ticks 0 and 2
      }
    }
    clock.advance(Duration.ofMillis(5));
    rt.coordinator().housekeepNow();
    rt.close(); // hands the counts over and writes them
    assertEquals(3 + 2, store.calls(key(code(1), Fork.CANCUN)));
    assertEquals(0, store.calls(key(code(2), Fork.CANCUN)));
    assertEquals(1, rt.stats().store().hotnessRecorded());
  }
}
