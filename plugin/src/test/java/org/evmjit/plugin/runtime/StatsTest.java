package org.evmjit.plugin.runtime;

import static org.evmjit.plugin.runtime.TestCodes.code;
import static org.evmjit.plugin.runtime.TestCodes.config;
import static org.evmjit.plugin.runtime.TestCodes.quiesce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.evmjit.evm.fork.Fork;
import org.junit.jupiter.api.Test;

class StatsTest {
  @Test
  void snapshotCountsAndSerialisesToJson() throws Exception {
    FakeCompiler compiler = new FakeCompiler().failing(c -> c.bytes()[4] == 2);
    try (JitRuntime rt = JitRuntime.start(config().threshold(1).build(), compiler, "fake")) {
      for (int i = 0; i < 2; i++) {
        rt.lookup(code(1), Fork.CANCUN);
        rt.lookup(code(2), Fork.CANCUN);
      }
      quiesce(rt);
      for (int i = 0; i < 3; i++) {
        rt.lookup(code(1), Fork.CANCUN);
        rt.lookup(code(2), Fork.CANCUN);
      }
      JitStats s = rt.stats();
      assertEquals(10, s.lookups().total());
      assertEquals(3, s.lookups().hits());
      assertEquals(7, s.lookups().misses());
      assertEquals(4, s.lookups().interpreted().get(InterpretReason.NOT_YET_HOT));
      assertEquals(3, s.lookups().interpreted().get(InterpretReason.FAILED));
      assertEquals(2, s.compilations().dispatched());
      assertEquals(1, s.compilations().succeeded());
      assertEquals(1, s.compilations().failed());
      assertEquals(1, s.compilations().timeMillis().count());
      assertEquals(1, s.resident().entries());
      assertEquals(1000, s.resident().bytes());
      assertEquals(1, s.resident().failed());

      JsonNode j = new ObjectMapper().readTree(s.toJson());
      assertEquals("fake", j.get("compiler").asText());
      assertEquals(1, j.get("threshold").asInt());
      assertEquals(3, j.at("/lookups/hits").asLong());
      assertEquals(4, j.at("/lookups/interpreted/NOT_YET_HOT").asLong());
      assertEquals(0, j.at("/lookups/interpreted/DISABLED").asLong());
      assertEquals(1, j.at("/compilations/succeeded").asLong());
      assertTrue(j.at("/compilations/timeMillis/p99").isNumber());
      assertEquals(1000, j.at("/resident/bytes").asLong());
      assertTrue(j.at("/evictions/lru").isNumber());
      assertTrue(j.at("/queue/dropped").isNumber());

      rt.resetStats();
      s = rt.stats();
      assertEquals(0, s.lookups().total());
      assertEquals(0, s.compilations().succeeded());
      assertEquals(0, s.compilations().timeMillis().count());
      assertEquals(1, s.resident().entries(), "gauges are state, not counters");
    }
  }

  @Test
  void histogramBucketsBoundValuesWithinAnEighth() {
    for (long v : new long[] {0, 1, 15, 16, 17, 100, 1_000, 123_456, 9_999_999, 1L << 40, Long.MAX_VALUE / 3}) {
      int b = TimeHistogram.bucket(v);
      long upper = TimeHistogram.upperBound(b);
      assertTrue(upper >= v, v + " in bucket " + b + " up to " + upper);
      assertTrue(upper - v <= v / 8 + 1, v + " bucket upper bound " + upper + " is too loose");
      if (b > 0) {
        assertTrue(TimeHistogram.upperBound(b - 1) < v, "bucket " + b + " is the first that holds " + v);
      }
    }
  }

  @Test
  void percentilesComeFromTheRecordedTimes() {
    TimeHistogram h = new TimeHistogram();
    for (int i = 1; i <= 100; i++) {
      h.record(i * 1_000_000L); // 1 ms .. 100 ms
    }
    JitStats.CompileTimes t = h.snapshot();
    assertEquals(100, t.count());
    assertTrue(t.p50() >= 50 && t.p50() <= 50 * 1.125, "p50 " + t.p50());
    assertTrue(t.p90() >= 90 && t.p90() <= 90 * 1.125, "p90 " + t.p90());
    assertTrue(t.p99() >= 99 && t.p99() <= 100, "p99 " + t.p99());
    assertEquals(100.0, t.max());
    assertEquals(50.5, t.mean(), 0.01);
  }

  @Test
  void configRejectsNonsense() {
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> JitConfig.builder().threshold(-1).build());
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> JitConfig.builder().workers(0).build());
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> JitConfig.builder().compileTimeout(java.time.Duration.ZERO).build());
    JitConfig d = JitConfig.defaults();
    assertEquals(d, d.toBuilder().build());
    assertEquals(JitConfig.DEFAULT_THRESHOLD, d.threshold());
  }

  @Test
  void compilerProvidersAreFoundWithTheServiceLoader() {
    assertEquals("stub", CompilerProvider.find("stub").orElseThrow().name());
    assertTrue(CompilerProvider.find(null).isPresent());
    assertTrue(CompilerProvider.find("nonexistent").isEmpty());
  }
}
