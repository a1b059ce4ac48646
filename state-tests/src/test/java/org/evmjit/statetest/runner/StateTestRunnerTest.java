package org.evmjit.statetest.runner;

import static org.evmjit.statetest.FixtureJson.ROOT_A;
import static org.evmjit.statetest.FixtureJson.ROOT_B;
import static org.evmjit.statetest.FixtureJson.entry;
import static org.evmjit.statetest.FixtureJson.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.regex.Pattern;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.tx.TransactionResult;
import org.evmjit.evm.word.Word;
import org.evmjit.statetest.FixtureJson;
import org.evmjit.statetest.SkipList;
import org.evmjit.statetest.fixture.Hex;
import org.evmjit.statetest.fixture.StateTest;
import org.evmjit.statetest.fixture.StateTestLoader;
import org.evmjit.statetest.runner.EntryResult.Status;
import org.junit.jupiter.api.Test;

class StateTestRunnerTest {
  private static StateTest load(ObjectNode test) {
    return new StateTestLoader().parse(FixtureJson.file("add11", test), "stExample/add11.json").get(0);
  }

  private static List<EntryResult> run(Executor ex, ObjectNode test, Selection sel) {
    return new StateTestRunner(ex).run(load(test), "/x/stExample/add11.json", sel);
  }

  @Test
  void passesWhenRootsMatch() {
    FakeExecutor ex = FakeExecutor.succeeding(ROOT_A);
    List<EntryResult> results = run(ex, FixtureJson.test(), Selection.ALL);
    assertEquals(1, results.size());
    EntryResult r = results.get(0);
    assertTrue(r.pass(), r.error());
    assertEquals(ROOT_A, r.stateRoot());
    assertEquals(FixtureJson.EMPTY_LOGS, r.logsHash());
    assertEquals(21000, r.gasUsed());
    assertEquals("ab", r.output());
    assertNull(r.error());
    assertEquals("stExample/add11.json add11 Cancun d=0 g=0 v=0", r.where());
    FakeExecutor.Call call = ex.calls.get(0);
    assertEquals(Fork.CANCUN, call.fork());
    assertEquals(Word.of(7), call.env().prevRandao());
    assertFalse(call.traced());
  }

  @Test
  void rootMismatchFailsWithBothRoots() {
    EntryResult r = run(FakeExecutor.succeeding(ROOT_B), FixtureJson.test(), Selection.ALL).get(0);
    assertEquals(Status.FAIL, r.status());
    assertEquals("state root " + ROOT_B + " != expected " + ROOT_A, r.error());
  }

  @Test
  void expectedExceptionNeedsARejection() {
    ObjectNode t = FixtureJson.test();
    ((ObjectNode) post(t, "Cancun").get(0)).put("expectException", "TransactionException.INTRINSIC_GAS_TOO_LOW");
    EntryResult valid = run(FakeExecutor.succeeding(ROOT_A), t, Selection.ALL).get(0);
    assertEquals(Status.FAIL, valid.status());
    assertEquals("expected exception TransactionException.INTRINSIC_GAS_TOO_LOW but the transaction was valid",
        valid.error());

    FakeExecutor rejecting = new FakeExecutor(
        tx -> TransactionResult.invalid("TransactionException.INTRINSIC_GAS_TOO_LOW"), tx -> Hex.bytes(ROOT_A));
    EntryResult rejected = run(rejecting, t, Selection.ALL).get(0);
    assertTrue(rejected.pass(), rejected.error());
    assertEquals("TransactionException.INTRINSIC_GAS_TOO_LOW", rejected.error());
  }

  @Test
  void unexpectedRejectionWithAChangedRootFailsAndSaysWhy() {
    FakeExecutor rejecting = new FakeExecutor(
        tx -> TransactionResult.invalid("TransactionException.NONCE_MISMATCH_TOO_LOW"), tx -> Hex.bytes(ROOT_B));
    EntryResult r = run(rejecting, FixtureJson.test(), Selection.ALL).get(0);
    assertEquals(Status.FAIL, r.status());
    assertEquals("state root " + ROOT_B + " != expected " + ROOT_A + "; transaction rejected"
        + " (TransactionException.NONCE_MISMATCH_TOO_LOW) but the fixture expects it to be valid", r.error());
  }

  @Test
  void rejectionWithoutExpectExceptionPassesOnTheExpectedRoot() {
    // legacytests mark rejected transactions only by the unchanged root, as geth's runner checks
    FakeExecutor rejecting = new FakeExecutor(
        tx -> TransactionResult.invalid("TransactionException.NONCE_MISMATCH_TOO_LOW"), tx -> Hex.bytes(ROOT_A));
    EntryResult r = run(rejecting, FixtureJson.test(), Selection.ALL).get(0);
    assertTrue(r.pass(), r.error());
  }

  @Test
  void evmExceptionsBecomeFailures() {
    FakeExecutor throwing = new FakeExecutor(tx -> {
      throw new UnsupportedOperationException("not yet");
    }, tx -> Hex.bytes(ROOT_A));
    EntryResult r = run(throwing, FixtureJson.test(), Selection.ALL).get(0);
    assertEquals(Status.FAIL, r.status());
    assertTrue(r.error().startsWith("exception: java.lang.UnsupportedOperationException: not yet (at "), r.error());

    FakeExecutor overflowing = new FakeExecutor(tx -> {
      throw new StackOverflowError();
    }, tx -> Hex.bytes(ROOT_A));
    assertTrue(run(overflowing, FixtureJson.test(), Selection.ALL).get(0).error()
        .startsWith("exception: java.lang.StackOverflowError"));
  }

  @Test
  void unknownForkFailsUnlessFilteredOut() {
    ObjectNode t = FixtureJson.test();
    post(t, "NotAFork").add(entry(0, 0, 0, ROOT_A));
    List<EntryResult> all = run(FakeExecutor.succeeding(ROOT_A), t, Selection.ALL);
    assertEquals(2, all.size());
    assertTrue(all.get(0).pass());
    assertEquals(Status.FAIL, all.get(1).status());
    assertTrue(all.get(1).error().startsWith("unknown fork 'NotAFork' (known: Frontier, "), all.get(1).error());

    List<EntryResult> cancun = run(FakeExecutor.succeeding(ROOT_A), t, Selection.fork(Fork.CANCUN));
    assertEquals(1, cancun.size());
    assertTrue(cancun.get(0).pass());
  }

  @Test
  void selectionFiltersTestsForksAndIndexes() {
    ObjectNode t = FixtureJson.test();
    post(t, "Cancun").add(entry(1, 0, 0, ROOT_A));
    post(t, "Shanghai").add(entry(1, 0, 0, ROOT_A));
    FakeExecutor ex = FakeExecutor.succeeding(ROOT_A);
    assertEquals(3, run(ex, t, Selection.ALL).size());
    assertEquals(2, run(ex, t, new Selection(Fork.byName("cancun").orElseThrow(), null, null, null, null)).size());
    assertEquals(2, run(ex, t, new Selection(null, null, 1, null, null)).size());
    assertEquals(1, run(ex, t, new Selection(Fork.SHANGHAI, Pattern.compile("d1"), null, null, null)).size());
    assertEquals(0, run(ex, t, new Selection(null, Pattern.compile("^nomatch"), null, null, null)).size());
    assertEquals(0, run(ex, t, new Selection(null, null, null, 1, null)).size());
    assertEquals(Fork.SHANGHAI, ex.calls.stream().filter(c -> c.fork() == Fork.SHANGHAI).findFirst()
        .orElseThrow().fork());
  }

  @Test
  void skipListSkipsEveryEntryOfATest() {
    ObjectNode t = FixtureJson.test();
    post(t, "Cancun").add(entry(1, 0, 0, ROOT_A));
    SkipList skip = SkipList.parse("stExample/add11.json  # takes 3 h\n", "test");
    FakeExecutor ex = FakeExecutor.succeeding(ROOT_A);
    List<EntryResult> results = new StateTestRunner(ex, skip, null).run(load(t), "/x/stExample/add11.json", Selection.ALL);
    assertEquals(2, results.size());
    assertTrue(results.stream().allMatch(EntryResult::skipped));
    assertEquals("skip list: takes 3 h", results.get(0).error());
    assertTrue(ex.calls.isEmpty());
  }

  @Test
  void tracerFactoryIsUsedPerEntry() {
    FakeExecutor ex = FakeExecutor.succeeding(ROOT_A);
    int[] opened = {0};
    new StateTestRunner(ex, SkipList.empty(), (test, entry) -> {
      opened[0]++;
      return new org.evmjit.statetest.trace.Eip3155Tracer(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
    }).run(load(FixtureJson.test()), "/x", Selection.ALL);
    assertEquals(1, opened[0]);
    assertTrue(ex.calls.get(0).traced());
  }
}
