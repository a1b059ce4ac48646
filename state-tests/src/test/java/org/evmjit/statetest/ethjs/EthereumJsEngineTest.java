package org.evmjit.statetest.ethjs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.evmjit.statetest.fixture.Indexes;
import org.evmjit.statetest.runner.EntryEngine.EntrySkipped;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The protocol with the Node process: answers, bad requests, the time limit, crash and restart, and a missing Node. */
class EthereumJsEngineTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private NodeSetup setup;

  @BeforeEach
  void needNode() {
    setup = NodeSetup.find();
  }

  private EthereumJsEngine engine(long timeLimitMs) {
    Assumptions.assumeTrue(setup.available(), setup::problem);
    return new EthereumJsEngine(setup, timeLimitMs);
  }

  private static ObjectNode request(String type) {
    ObjectNode r = MAPPER.createObjectNode();
    r.put("type", type);
    return r;
  }

  /** A state test whose contract loops (JUMPDEST PUSH1 0 JUMP) until {@code gasLimit} is spent. */
  private static JsonNode loopTest(String gasLimit) throws Exception {
    return MAPPER.readTree("""
        {"env":{"currentCoinbase":"0x2adc25665018aa1fe0e6bc666dac8fc2697ff9ba","currentDifficulty":"0x020000",
          "currentGasLimit":"0x7fffffffffffffff","currentNumber":"0x01","currentTimestamp":"0x03e8",
          "currentBaseFee":"0x0a","currentRandom":"0x0000000000000000000000000000000000000000000000000000000000020000",
          "currentExcessBlobGas":"0x00"},
         "pre":{"0xcccccccccccccccccccccccccccccccccccccccc":{"balance":"0x00","code":"0x5b600056","nonce":"0x00","storage":{}},
                "0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b":{"balance":"0xffffffffffffffffffff","code":"0x","nonce":"0x00","storage":{}}},
         "transaction":{"data":["0x"],"gasLimit":["%s"],"gasPrice":"0x0a","nonce":"0x00",
           "secretKey":"0x45a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8",
           "sender":"0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b","to":"0xcccccccccccccccccccccccccccccccccccccccc","value":["0x00"]}}
        """.formatted(gasLimit));
  }

  @Test
  void answersAStateRequestWithEveryField() throws Exception {
    try (EthereumJsEngine e = engine(60_000)) {
      JsonNode a = e.call(e.stateRequest(loopTest("0x0186a0"), "Cancun", Indexes.ZERO, true));
      assertEquals("100000", a.get("gasUsed").asText(), "the loop spends all gas");
      assertEquals("halt", a.get("status").asText());
      assertTrue(a.get("rejection").isNull());
      assertTrue(a.get("stateRoot").asText().matches("0x[0-9a-f]{64}"), a.toString());
      JsonNode trace = a.get("trace");
      assertTrue(trace.get(0).asText().startsWith("{\"pc\":0,\"op\":91,\"gas\":\"0x13498\",\"gasCost\":\"0x1\""),
          trace.get(0).asText()); // 100000 - 21000 intrinsic
      assertTrue(trace.get(trace.size() - 1).asText().startsWith("{\"output\":\"\",\"gasUsed\":\"0x186a0\""));
    }
  }

  @Test
  void aRejectedTransactionIsAnAnswerNotAnError() throws Exception {
    try (EthereumJsEngine e = engine(60_000)) {
      JsonNode a = e.call(e.stateRequest(loopTest("0x5208"), "Cancun", Indexes.ZERO, false)); // exactly intrinsic: valid
      assertTrue(a.get("rejection").isNull());
      JsonNode b = e.call(e.stateRequest(loopTest("0x5207"), "Cancun", Indexes.ZERO, false)); // below intrinsic gas
      assertFalse(b.get("rejection").isNull(), b.toString());
      assertEquals("0", b.get("gasUsed").asText());
    }
  }

  @Test
  void aTransactionWithASenderAndNoSecretKeyRunsUnsignedAsThatSender() throws Exception {
    try (EthereumJsEngine e = engine(60_000)) {
      JsonNode signed = loopTest("0x0186a0");
      ObjectNode unsigned = signed.deepCopy();
      ((ObjectNode) unsigned.get("transaction")).remove("secretKey");
      JsonNode a = e.call(e.stateRequest(signed, "Cancun", Indexes.ZERO, false));
      JsonNode b = e.call(e.stateRequest(unsigned, "Cancun", Indexes.ZERO, false));
      assertTrue(b.get("rejection").isNull(), b.toString());
      assertEquals(a.get("gasUsed"), b.get("gasUsed"));
      assertEquals(a.get("stateRoot"), b.get("stateRoot"), "the same account pays and has its nonce raised");
      ((ObjectNode) unsigned.get("transaction")).remove("sender");
      var neither = assertThrows(EthereumJsEngine.EngineError.class,
          () -> e.call(e.stateRequest(unsigned, "Cancun", Indexes.ZERO, false)));
      assertEquals("bad request: transaction: neither secretKey nor sender is given", neither.getMessage());
    }
  }

  @Test
  void aBenchRequestMeasuresTheGivenRunsInsideNode() throws Exception {
    try (EthereumJsEngine e = engine(60_000)) {
      ObjectNode counted = e.stateRequest(loopTest("0x0186a0"), "Cancun", Indexes.ZERO, false);
      counted.put("type", "bench").put("warmup", 2).put("iterations", 3);
      JsonNode a = e.call(counted);
      assertEquals(3, a.get("runs").asInt());
      assertEquals("100000", a.get("gasUsed").asText());
      assertEquals("halt", a.get("status").asText());
      assertTrue(Long.parseLong(a.get("medianNs").asText()) > 0, a.toString());
      assertTrue(Long.parseLong(a.get("execNs").asText()) > 0, a.toString());
      // time-boxed, as BenchRunner: no time to measure, so exactly the minimum number of runs
      ObjectNode boxed = e.stateRequest(loopTest("0x0186a0"), "Cancun", Indexes.ZERO, false);
      boxed.put("type", "bench").put("warmupNs", "0").put("measureNs", "0").put("minRuns", 4).put("maxRuns", 10);
      assertEquals(4, e.call(boxed).get("runs").asInt());
    }
  }

  @Test
  void badRequestsFailNamingTheProblemAndTheProcessGoesOn() throws Exception {
    try (EthereumJsEngine e = engine(60_000)) {
      var unknown = assertThrows(EthereumJsEngine.EngineError.class, () -> e.call(request("nonsense")));
      assertTrue(unknown.getMessage().startsWith("bad request: unknown type \"nonsense\""), unknown.getMessage());
      var fork = assertThrows(EthereumJsEngine.EngineError.class,
          () -> e.call(e.stateRequest(loopTest("0x0186a0"), "Amsterdam", Indexes.ZERO, false)));
      assertTrue(fork.getMessage().startsWith("bad request: unknown fork 'Amsterdam' (known: Frontier,"), fork.getMessage());
      var index = assertThrows(EthereumJsEngine.EngineError.class,
          () -> e.call(e.stateRequest(loopTest("0x0186a0"), "Cancun", new Indexes(0, 3, 0), false)));
      assertEquals("bad request: transaction.gasLimit[3]: missing", index.getMessage());
      assertEquals("ethereumjs", e.call(request("hello")).get("engine").asText());
    }
  }

  @Test
  void pastTheTimeLimitTheEntryIsSkippedAndANewProcessServesTheNext() throws Exception {
    try (EthereumJsEngine e = engine(1_500)) {
      long before = e.call(request("hello")).get("pid").asLong();
      EntrySkipped skipped = assertThrows(EntrySkipped.class,
          () -> e.call(e.stateRequest(loopTest("0x7fffffffff"), "Cancun", Indexes.ZERO, false)));
      assertEquals("time limit of 1500 ms exceeded on ethereumjs", skipped.getMessage());
      long after = e.call(request("hello")).get("pid").asLong();
      assertNotEquals(before, after);
    }
  }

  @Test
  void aCrashFailsTheEntryWithTheExitStatusAndTheProcessIsReplaced() throws Exception {
    try (EthereumJsEngine e = engine(60_000)) {
      ObjectNode crash = request("exit");
      crash.put("status", 7);
      var error = assertThrows(EthereumJsEngine.EngineError.class, () -> e.call(crash));
      assertTrue(error.getMessage().startsWith("the ethereumjs process ended without answering (exit status 7)"),
          error.getMessage());
      assertEquals("ethereumjs", e.call(request("hello")).get("engine").asText());
    }
  }

  @Test
  void withoutNodeOrItsPackagesTheEngineIsUnavailableNamingWhatIsMissing(@TempDir Path dir) throws Exception {
    NodeSetup noNode = NodeSetup.of(dir, null);
    assertFalse(noNode.available());
    assertEquals("ethereumjs engine unavailable: node (Node.js 20 or newer) was not found on PATH (or set EVMJIT_NODE)",
        noNode.problem());
    Path node = Files.createFile(dir.resolve("node"));
    NodeSetup noPackages = NodeSetup.of(dir, node);
    assertTrue(noPackages.problem().contains(dir.resolve("node_modules") + " is missing: run 'npm ci' in " + dir),
        noPackages.problem());
    var refused = assertThrows(IllegalArgumentException.class, () -> new EthereumJsEngine(noPackages, 1000));
    assertEquals(noPackages.problem(), refused.getMessage());
    assertEquals(List.of(), noPackages.command());
  }
}
