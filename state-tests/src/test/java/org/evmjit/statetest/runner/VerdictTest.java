package org.evmjit.statetest.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.evmjit.evm.state.WorldState;
import org.evmjit.evm.tx.TransactionResult;
import org.evmjit.evm.word.Address;
import org.evmjit.evm.word.Word;
import org.evmjit.statetest.FixtureJson;
import org.evmjit.statetest.fixture.Hex;
import org.evmjit.statetest.fixture.Indexes;
import org.evmjit.statetest.fixture.PostEntry;
import org.evmjit.statetest.fixture.PreAccount;
import org.junit.jupiter.api.Test;

/** The kind of an expected rejection, and a wrong root explained from the expected {@code state}. */
class VerdictTest {
  private static final byte[] ROOT = Hex.bytes(FixtureJson.ROOT_A);
  private static final byte[] LOGS = Hex.bytes(FixtureJson.EMPTY_LOGS);
  private static final Address A = Address.fromHex("0x00000000000000000000000000000000000000aa");
  private static final Address B = Address.fromHex("0x00000000000000000000000000000000000000bb");

  private static PostEntry expecting(String exception, List<PreAccount> state) {
    return new PostEntry("Prague", 0, Indexes.ZERO, ROOT, LOGS, exception, state);
  }

  private static String rejected(String expected, String reason) {
    return Verdict.check(expecting(expected, null), TransactionResult.invalid(reason), ROOT, LOGS, new WorldState());
  }

  @Test
  void theRejectionMustBeOfTheExpectedKind() {
    assertNull(rejected("TransactionException.INTRINSIC_GAS_TOO_LOW", "TransactionException.INTRINSIC_GAS_TOO_LOW"));
    assertEquals("expected exception TransactionException.INTRINSIC_GAS_TOO_LOW but the transaction was rejected"
            + " with TransactionException.INSUFFICIENT_ACCOUNT_FUNDS",
        rejected("TransactionException.INTRINSIC_GAS_TOO_LOW", "TransactionException.INSUFFICIENT_ACCOUNT_FUNDS"));
  }

  @Test
  void anyAlternativeIsEnough() {
    String both = "TransactionException.INSUFFICIENT_ACCOUNT_FUNDS|TransactionException.INTRINSIC_GAS_TOO_LOW";
    assertNull(rejected(both, "TransactionException.INTRINSIC_GAS_TOO_LOW"));
    assertNull(rejected(both, "TransactionException.INSUFFICIENT_ACCOUNT_FUNDS"));
    assertTrue(rejected(both, "TransactionException.NONCE_IS_MAX").contains("rejected with"));
  }

  @Test
  void legacyNamesMapToTheirMeaning() {
    assertNull(rejected("TR_NoFundsOrGas", "TransactionException.INTRINSIC_GAS_TOO_LOW"));
    assertNull(rejected("TransactionException.TYPE_3_TX_PRE_FORK", "TransactionException.TYPE_NOT_SUPPORTED"));
    assertTrue(rejected("SomethingElse", "TransactionException.NONCE_IS_MAX").contains("not in evmjit's table"));
  }

  @Test
  void aWrongRootNamesTheFirstDifferingField() {
    WorldState actual = new WorldState();
    actual.putAccount(A, 1, Word.of(5), null, Map.of(Word.ONE, Word.of(7)));
    byte[] other = Hex.bytes(FixtureJson.ROOT_B);
    List<PreAccount> sameButSlot = List.of(new PreAccount(A, 1, Word.of(5), new byte[0], Map.of(Word.ONE, Word.of(8))));
    assertEquals("state root " + FixtureJson.ROOT_B + " != expected " + FixtureJson.ROOT_A
            + ": account " + A.toHex() + ": storage slot 0x1: 0x7 != expected 0x8",
        Verdict.check(expecting(null, sameButSlot), ok(), other, LOGS, actual));
    List<PreAccount> balance = List.of(new PreAccount(A, 1, Word.of(6), new byte[0], Map.of(Word.ONE, Word.of(7))));
    assertTrue(Verdict.check(expecting(null, balance), ok(), other, LOGS, actual)
        .endsWith("account " + A.toHex() + ": balance 0x5 != expected 0x6"));
    List<PreAccount> nonce = List.of(new PreAccount(A, 2, Word.of(5), new byte[0], Map.of(Word.ONE, Word.of(7))));
    assertTrue(Verdict.check(expecting(null, nonce), ok(), other, LOGS, actual).endsWith("nonce 1 != expected 2"));
    List<PreAccount> code = List.of(new PreAccount(A, 1, Word.of(5), new byte[] {0x00}, Map.of(Word.ONE, Word.of(7))));
    assertTrue(Verdict.check(expecting(null, code), ok(), other, LOGS, actual).endsWith("code 0x != expected 0x00"));
    List<PreAccount> missing = List.of(new PreAccount(A, 1, Word.of(5), new byte[0], Map.of(Word.ONE, Word.of(7))),
        new PreAccount(B, 0, Word.ONE, new byte[0], Map.of()));
    assertTrue(Verdict.check(expecting(null, missing), ok(), other, LOGS, actual).contains(B.toHex() + ": missing"));
    actual.putAccount(B, 0, Word.ONE, null, Map.of());
    List<PreAccount> extra = List.of(new PreAccount(A, 1, Word.of(5), new byte[0], Map.of(Word.ONE, Word.of(7))));
    assertTrue(Verdict.check(expecting(null, extra), ok(), other, LOGS, actual)
        .endsWith("account " + B.toHex() + " exists but the expected state does not have it"));
  }

  private static TransactionResult ok() {
    return new TransactionResult(null, org.evmjit.evm.tx.ExecutionStatus.SUCCESS, 21000, new byte[0], List.of(), null);
  }
}
