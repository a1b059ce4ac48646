package org.evmjit.statetest.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.state.WorldState;
import org.evmjit.evm.trace.Tracer;
import org.evmjit.evm.tx.BlockEnv;
import org.evmjit.evm.tx.ExecutionStatus;
import org.evmjit.evm.tx.Transaction;
import org.evmjit.evm.tx.TransactionResult;
import org.evmjit.evm.word.Address;
import org.evmjit.evm.word.Word;
import org.evmjit.statetest.FixtureJson;
import org.evmjit.statetest.fixture.Indexes;
import org.evmjit.statetest.runner.Executor;
import org.evmjit.statetest.runner.FakeExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchTest {
  @TempDir Path dir;

  private Path stateTestFormat() throws Exception {
    ObjectNode t = FixtureJson.test();
    t.putObject("_info").putObject("labels").put("0", "empty").put("1", "5311");
    FixtureJson.post(t, "Cancun").removeAll();
    FixtureJson.post(t, "London").add(FixtureJson.entry(0, 0, 0, FixtureJson.ROOT_A))
        .add(FixtureJson.entry(1, 0, 0, FixtureJson.ROOT_A));
    Path f = dir.resolve("sha1.json");
    Files.writeString(f, FixtureJson.file("sha1_divs", t));
    return f;
  }

  private Path concreteFormat() throws Exception {
    ObjectNode t = FixtureJson.test();
    t.remove("post");
    ((ObjectNode) t.get("env")).remove("currentDifficulty");
    ObjectNode tx = (ObjectNode) t.remove("transaction");
    tx.put("data", "0xd09de08a").put("gasLimit", "0x7fffffffffffffff").put("value", "0x0");
    t.putArray("transaction").add(tx);
    Path f = dir.resolve("counter.json");
    Files.writeString(f, FixtureJson.file("counter", t));
    return f;
  }

  @Test
  void loadsStateTestFormatByLondonEntriesWithLabels() throws Exception {
    List<BenchCase> cases = new BenchLoader().load(stateTestFormat(), "sha1.json");
    assertEquals(List.of("empty", "5311"), cases.stream().map(BenchCase::input).toList());
    assertEquals(Fork.LONDON, cases.get(0).fork());
    assertEquals(2, cases.get(1).tx().data().length);
    assertEquals("sha1_divs", cases.get(0).name());
  }

  @Test
  void loadsConcreteTransactionFormat() throws Exception {
    List<BenchCase> cases = new BenchLoader().load(concreteFormat(), "counter.json");
    assertEquals(1, cases.size());
    assertEquals("counter", cases.get(0).name());
    assertEquals(Fork.CANCUN, cases.get(0).fork());
    assertEquals(BigInteger.valueOf(Long.MAX_VALUE), cases.get(0).tx().gasLimit());
  }

  @Test
  void forkOverrideRunsEveryCaseUnderThatFork() throws Exception {
    List<BenchCase> concrete = new BenchLoader(java.util.Optional.of(Fork.ISTANBUL)).load(concreteFormat(), "counter.json");
    assertEquals(Fork.ISTANBUL, concrete.get(0).fork());
    // no Istanbul entries in the file: the London entries' inputs, run under Istanbul
    List<BenchCase> filled = new BenchLoader(java.util.Optional.of(Fork.ISTANBUL)).load(stateTestFormat(), "sha1.json");
    assertEquals(List.of("empty", "5311"), filled.stream().map(BenchCase::input).toList());
    assertTrue(filled.stream().allMatch(c -> c.fork() == Fork.ISTANBUL));
  }

  @Test
  void everyRunGetsAFreshCopyOfThePreState() throws Exception {
    BenchCase c = new BenchLoader().load(concreteFormat(), "counter.json").get(0);
    Address marker = Address.of(0xbeef);
    List<Boolean> sawMarker = new ArrayList<>();
    Executor mutating = new Executor() {
      @Override
      public TransactionResult execute(Fork fork, WorldState state, BlockEnv env, Transaction tx, Tracer t) {
        sawMarker.add(state.get(marker) != null);
        state.putAccount(marker, 1, Word.ONE, new byte[0], java.util.Map.of());
        return FakeExecutor.ok(50_000);
      }
    };
    BenchResult r = new BenchRunner(mutating, "interpreter", BenchConfig.defaults(2, 5)).run(c);
    assertTrue(r.ok());
    assertEquals(5, r.runs());
    assertEquals(1 + 2 + 5, sawMarker.size());
    assertFalse(sawMarker.contains(true), "a run saw a previous run's changes");
    assertEquals(50_000, r.gasUsed());
    assertTrue(r.medianNs() > 0);
    assertEquals(50_000 * 1000.0 / r.medianNs(), r.mgasPerSec(), 1e-9);
  }

  @Test
  void timeBoxedDefaultsRunAtLeastThreeTimes() throws Exception {
    BenchCase c = new BenchLoader().load(concreteFormat(), "counter.json").get(0);
    BenchConfig quick = new BenchConfig(null, null, 1_000_000, 1_000_000, 3, 1000);
    BenchResult r = new BenchRunner(FakeExecutor.succeeding(FixtureJson.ROOT_A), "interpreter", quick).run(c);
    assertTrue(r.runs() >= 3);
  }

  @Test
  void failuresAreReported() throws Exception {
    BenchCase c = new BenchLoader().load(concreteFormat(), "counter.json").get(0);
    Executor throwing = new FakeExecutor(tx -> {
      throw new UnsupportedOperationException("not yet");
    }, tx -> new byte[32]);
    BenchResult r = new BenchRunner(throwing, "interpreter", BenchConfig.defaults(0, 1)).run(c);
    assertFalse(r.measured());
    assertEquals("exception: java.lang.UnsupportedOperationException: not yet", r.status());

    Executor rejecting = new FakeExecutor(tx -> TransactionResult.invalid("TransactionException.X"), tx -> new byte[32]);
    assertEquals("transaction rejected: TransactionException.X",
        new BenchRunner(rejecting, "interpreter", BenchConfig.defaults(0, 1)).run(c).status());

    Executor reverting = new FakeExecutor(
        tx -> new TransactionResult(null, ExecutionStatus.REVERT, 30_000, new byte[0], List.of(), null),
        tx -> new byte[32]);
    BenchResult reverted = new BenchRunner(reverting, "interpreter", BenchConfig.defaults(0, 1)).run(c);
    assertTrue(reverted.measured());
    assertEquals("reverted", reverted.status());
  }

  @Test
  void executionOnlyTimeIsTheMedianOfWhatTheExecutorReports() throws Exception {
    BenchCase c = new BenchLoader().load(concreteFormat(), "counter.json").get(0);
    long[] reported = {700, 100, 500, 300, 900};
    int[] call = {0};
    Executor timed = new FakeExecutor(tx -> new TransactionResult(null, ExecutionStatus.SUCCESS, 50_000, new byte[0],
        List.of(), null, reported[call[0]++ % reported.length]), tx -> new byte[32]);
    // first run and no warm-up: the five measured runs report 100, 500, 300, 900, 700
    BenchResult r = new BenchRunner(timed, "interpreter", BenchConfig.defaults(0, 5)).run(c);
    assertEquals(500, r.execMedianNs());
    assertTrue(r.hasExec());
    assertEquals(50_000 * 1000.0 / 500, r.execMgasPerSec(), 1e-9);

    BenchResult unmeasured = new BenchRunner(FakeExecutor.succeeding(FixtureJson.ROOT_A), "interpreter",
        BenchConfig.defaults(0, 3)).run(c);
    assertFalse(unmeasured.hasExec(), "an executor that does not report execution time has no exec figure");
    assertEquals(0, unmeasured.execMgasPerSec());
  }

  @Test
  void everyCaseCarriesItsInputAsTheJsonOfAStateTest() throws Exception {
    List<BenchCase> filled = new BenchLoader().load(stateTestFormat(), "sha1.json");
    assertEquals(new Indexes(1, 0, 0), filled.get(1).indexes());
    assertEquals(2, filled.get(1).json().get("transaction").get("data").size(), "a state test's own transaction");
    assertTrue(filled.get(1).json().has("env") && filled.get(1).json().has("pre"));

    // two concrete transactions: a state test each, in file order, their scalars made arrays
    ObjectNode t = (ObjectNode) FixtureJson.MAPPER.readTree(Files.readString(concreteFormat())).get("counter");
    ObjectNode second = ((ObjectNode) t.get("transaction").get(0)).deepCopy();
    second.put("data", "0x3fb5c1cb").put("gasLimit", "0x0186a0").putArray("accessList").addObject()
        .put("address", FixtureJson.CONTRACT).putArray("storageKeys");
    ((com.fasterxml.jackson.databind.node.ArrayNode) t.get("transaction")).add(second);
    Path f = dir.resolve("two.json");
    Files.writeString(f, FixtureJson.file("counter", t));
    List<BenchCase> concrete = new BenchLoader().load(f, "two.json");
    assertEquals(List.of("counter#0", "counter#1"), concrete.stream().map(BenchCase::name).toList());
    for (BenchCase c : concrete) {
      assertEquals(Indexes.ZERO, c.indexes());
      ObjectNode tx = (ObjectNode) c.json().get("transaction");
      assertEquals(1, tx.get("data").size());
      assertEquals(1, tx.get("gasLimit").size());
      assertEquals(1, tx.get("value").size());
      assertEquals(FixtureJson.SENDER, tx.get("sender").asText());
      assertEquals(c.tx().gasLimit(), new BigInteger(tx.get("gasLimit").get(0).asText().substring(2), 16));
    }
    assertEquals("0xd09de08a", concrete.get(0).json().get("transaction").get("data").get(0).asText());
    assertEquals("0x3fb5c1cb", concrete.get(1).json().get("transaction").get("data").get(0).asText());
    assertFalse(concrete.get(0).json().get("transaction").has("accessLists"));
    assertEquals(FixtureJson.CONTRACT,
        concrete.get(1).json().get("transaction").get("accessLists").get(0).get(0).get("address").asText());
  }

  @Test
  void aResultThatDiffersFromTheReferenceInGasOrEndingDiverges() throws Exception {
    BenchCase c = new BenchLoader().load(concreteFormat(), "counter.json").get(0);
    BenchResult reference = new BenchResult(c, "interpreter", 21_000, 100, 3, "halted: out of gas", true);
    BenchResult same = new BenchResult(c, "ethereumjs", 21_000, 900, 3, "halted: OOG", true);
    assertSame(same, BenchCheck.against(same, reference), "the wording of a halt is the engine's own");
    BenchResult moreGas = new BenchResult(c, "ethereumjs", 21_001, 900, 3, "halted: out of gas", true);
    assertEquals("diverges from interpreter: gas used 21001 vs 21000, halted: out of gas vs halted: out of gas",
        BenchCheck.against(moreGas, reference).status());
    BenchResult ok = new BenchResult(c, "ethereumjs", 21_000, 900, 3, "ok", true);
    BenchResult checked = BenchCheck.against(ok, reference);
    assertFalse(checked.ok());
    assertEquals(900, checked.medianNs(), "the timings stay");
    assertTrue(checked.status().endsWith("ok vs halted: out of gas"), checked.status());
    BenchResult skipped = new BenchResult(c, "ethereumjs", 0, 0, 0, BenchResult.skippedStatus("too slow"), false);
    assertSame(skipped, BenchCheck.against(skipped, reference));
    assertTrue(skipped.skipped());
  }

  @Test
  void median() {
    assertEquals(3, BenchRunner.median(new long[] {5, 1, 3}));
    assertEquals(3, BenchRunner.median(new long[] {4, 1, 2, 9}));
  }
}
