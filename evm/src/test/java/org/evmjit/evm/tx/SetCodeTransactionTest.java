package org.evmjit.evm.tx;

import static org.evmjit.evm.opcode.Opcodes.*;
import static org.evmjit.evm.testing.Bytecode.code;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.evmjit.evm.crypto.Secp256k1;
import org.evmjit.evm.exec.EngineSelector;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.state.Delegation;
import org.evmjit.evm.state.WorldState;
import org.evmjit.evm.testing.Bytecode;
import org.evmjit.evm.testing.EvmHarness;
import org.evmjit.evm.word.Address;
import org.evmjit.evm.word.Word;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** EIP-7702 set-code transactions and delegation, EIP-7623's floor and Osaka's gas cap. */
class SetCodeTransactionTest {
  private static final Address SENDER = EvmHarness.SENDER;
  private static final Address DELEGATE = Address.fromHex("0x000000000000000000000000000000000000de1e");
  private static final Address OTHER = Address.fromHex("0x0000000000000000000000000000000000000abc");
  private static final Signer AUTHORITY = new Signer(7);
  private static final BlockEnv ENV = new BlockEnv(EvmHarness.COINBASE, 1, 1000, 30_000_000, Word.ZERO,
      Word.ZERO, Word.ZERO, 0);

  private static WorldState funded() {
    WorldState s = new WorldState();
    s.putAccount(SENDER, 0, Word.fromBigInteger(BigInteger.TEN.pow(30)), null, Map.of());
    return s;
  }

  private static Transaction setCode(Address to, long gas, List<Authorization> auths) {
    return new Transaction(Transaction.SET_CODE, SENDER, BigInteger.ZERO, BigInteger.valueOf(gas), null,
        BigInteger.ONE, BigInteger.ONE, to, BigInteger.ZERO, new byte[0], List.of(), List.of(), null, auths);
  }

  private static Transaction legacy(Address to, long gas, byte[] data) {
    return new Transaction(Transaction.LEGACY, SENDER, BigInteger.ZERO, BigInteger.valueOf(gas), BigInteger.ONE,
        null, null, to, BigInteger.ZERO, data, List.of(), List.of(), null);
  }

  private static TransactionResult run(Fork fork, WorldState s, Transaction tx) {
    return new TransactionProcessor(fork).process(s, ENV, tx, null);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("org.evmjit.evm.testing.Engines#all")
  void authorizationDelegatesAndTheCallRunsTheDelegatesCodeOnTheAuthority(String name, EngineSelector engine) {
    WorldState s = funded();
    s.putAccount(DELEGATE, 1, Word.ZERO, code().push(42).push(0).op(SSTORE).bytes(), Map.of());
    Transaction tx = setCode(AUTHORITY.address, 200_000, List.of(AUTHORITY.authorize(1, DELEGATE, 0)));
    TransactionResult r = new TransactionProcessor(Fork.PRAGUE, engine).process(s, ENV, tx, null);
    assertNull(r.invalidReason());
    assertEquals(ExecutionStatus.SUCCESS, r.status());
    assertArrayEquals(Delegation.designator(DELEGATE).bytes(), s.get(AUTHORITY.address).code().bytes());
    assertEquals(1, s.get(AUTHORITY.address).nonce());
    assertEquals(Word.of(42), s.get(AUTHORITY.address).storageValue(Word.ZERO), "runs in the authority's storage");
    assertEquals(Word.ZERO, s.get(DELEGATE).storageValue(Word.ZERO));
  }

  @Test
  void chainIdZeroIsAcceptedAndOtherChainsAreNot() {
    WorldState any = funded();
    run(Fork.PRAGUE, any, setCode(OTHER, 100_000, List.of(AUTHORITY.authorize(0, DELEGATE, 0))));
    assertEquals(DELEGATE, Delegation.target(any.get(AUTHORITY.address).code()));
    WorldState other = funded();
    run(Fork.PRAGUE, other, setCode(OTHER, 100_000, List.of(AUTHORITY.authorize(5, DELEGATE, 0))));
    assertNull(other.get(AUTHORITY.address), "a tuple for chain 5 is skipped");
  }

  @Test
  void signatureBoundsOfTheEip() {
    Authorization good = AUTHORITY.authorize(1, DELEGATE, 0);
    assertEquals(AUTHORITY.address, SetCodeAuthorizations.authority(good));
    // the high-s twin of a valid signature recovers the same key, but EIP-7702 refuses s > n/2
    Authorization highS = new Authorization(good.chainId(), good.address(), good.nonce(),
        BigInteger.ONE.subtract(good.yParity()), good.r(), Secp256k1.N.subtract(good.s()));
    assertNull(SetCodeAuthorizations.authority(highS));
    Authorization parity2 = new Authorization(good.chainId(), good.address(), good.nonce(),
        BigInteger.TWO, good.r(), good.s());
    assertNull(SetCodeAuthorizations.authority(parity2));
    Authorization zeroR = new Authorization(good.chainId(), good.address(), good.nonce(),
        good.yParity(), BigInteger.ZERO, good.s());
    assertNull(SetCodeAuthorizations.authority(zeroR));
  }

  @Test
  void nonceMismatchAndNonDelegatingCodeSkipTheTuple() {
    WorldState s = funded();
    run(Fork.PRAGUE, s, setCode(OTHER, 100_000, List.of(AUTHORITY.authorize(1, DELEGATE, 1))));
    assertNull(s.get(AUTHORITY.address), "nonce 1 for an authority at nonce 0");
    WorldState withCode = funded();
    withCode.putAccount(AUTHORITY.address, 0, Word.ZERO, new byte[] {0x00}, Map.of());
    run(Fork.PRAGUE, withCode, setCode(OTHER, 100_000, List.of(AUTHORITY.authorize(1, DELEGATE, 0))));
    assertArrayEquals(new byte[] {0x00}, withCode.get(AUTHORITY.address).code().bytes());
  }

  @Test
  void theZeroAddressClearsADelegation() {
    WorldState s = funded();
    s.putAccount(AUTHORITY.address, 3, Word.ONE, Delegation.designator(DELEGATE).bytes(), Map.of());
    run(Fork.PRAGUE, s, setCode(OTHER, 100_000, List.of(AUTHORITY.authorize(1, Address.ZERO, 3))));
    assertEquals(0, s.get(AUTHORITY.address).code().size());
    assertEquals(4, s.get(AUTHORITY.address).nonce());
  }

  @Test
  void anAuthorityThatExistedEarnsARefundUnderTheCap() {
    WorldState fresh = funded();
    long newAuthority = run(Fork.PRAGUE, fresh, setCode(OTHER, 100_000,
        List.of(AUTHORITY.authorize(1, DELEGATE, 0)))).gasUsed();
    assertEquals(21_000 + 25_000, newAuthority);
    WorldState existing = funded();
    existing.putAccount(AUTHORITY.address, 0, Word.ONE, null, Map.of());
    long existed = run(Fork.PRAGUE, existing, setCode(OTHER, 100_000,
        List.of(AUTHORITY.authorize(1, DELEGATE, 0)))).gasUsed();
    assertEquals(newAuthority - Math.min(25_000 - 12_500, newAuthority / 5), existed);
  }

  @Test
  void delegationsSurviveARevertingTransaction() {
    WorldState s = funded();
    s.putAccount(DELEGATE, 1, Word.ZERO, code().push(0).push(0).op(REVERT).bytes(), Map.of());
    TransactionResult r = run(Fork.PRAGUE, s, setCode(AUTHORITY.address, 100_000,
        List.of(AUTHORITY.authorize(1, DELEGATE, 0))));
    assertEquals(ExecutionStatus.REVERT, r.status());
    assertEquals(DELEGATE, Delegation.target(s.get(AUTHORITY.address).code()));
  }

  @Test
  void transactionLevelRules() {
    List<Authorization> one = List.of(AUTHORITY.authorize(1, DELEGATE, 0));
    assertEquals("TransactionException.TYPE_NOT_SUPPORTED", run(Fork.CANCUN, funded(), setCode(OTHER, 100_000, one)).invalidReason());
    assertEquals("TransactionException.TYPE_4_EMPTY_AUTHORIZATION_LIST",
        run(Fork.PRAGUE, funded(), setCode(OTHER, 100_000, List.of())).invalidReason());
    assertEquals("TransactionException.TYPE_4_TX_CONTRACT_CREATION",
        run(Fork.PRAGUE, funded(), setCode(null, 100_000, one)).invalidReason());
    assertEquals("TransactionException.INTRINSIC_GAS_TOO_LOW",
        run(Fork.PRAGUE, funded(), setCode(OTHER, 45_999, one)).invalidReason(), "25,000 per tuple");
  }

  @Test
  void eip3607AcceptsADelegatedSenderFromPrague() {
    for (Fork fork : List.of(Fork.CANCUN, Fork.PRAGUE)) {
      WorldState s = funded();
      s.putAccount(SENDER, 0, Word.fromBigInteger(BigInteger.TEN.pow(30)), Delegation.designator(DELEGATE).bytes(), Map.of());
      String reason = run(fork, s, legacy(OTHER, 21_000, new byte[0])).invalidReason();
      assertEquals(fork == Fork.CANCUN ? "TransactionException.SENDER_NOT_EOA" : null, reason, fork.name());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("org.evmjit.evm.testing.Engines#all")
  void callingADelegatedAccountPaysForTheDelegate(String name, EngineSelector engine) {
    Bytecode caller = code().push(0).push(0).push(0).push(0).push(0)
        .push(OTHER.toWord().toBigInteger()).op(GAS).op(CALL).op(POP);
    long plain = new EvmHarness(Fork.PRAGUE, engine).account(OTHER, 1, null).run(caller).gasUsed();
    Bytecode designator = code().raw(HexFormat.of().formatHex(Delegation.designator(DELEGATE).bytes()));
    long cold = new EvmHarness(Fork.PRAGUE, engine).account(OTHER, 1, designator).run(caller).gasUsed();
    long warm = new EvmHarness(Fork.PRAGUE, engine).account(OTHER, 1, designator)
        .accessList(List.of(new AccessListEntry(DELEGATE, List.of()))).run(caller).gasUsed();
    assertEquals(plain + 2600, cold, "cold delegate: 2,600");
    assertEquals(plain + 2400 + 100, warm, "an access-listed delegate: 2,400 intrinsic, then 100");
  }

  @Test
  void calldataFloorFromPrague() {
    byte[] data = new byte[1000];
    Arrays.fill(data, (byte) 1);
    assertEquals(21_000 + 16 * 1000, run(Fork.CANCUN, funded(), legacy(OTHER, 100_000, data)).gasUsed());
    assertEquals(21_000 + 10 * 4 * 1000, run(Fork.PRAGUE, funded(), legacy(OTHER, 100_000, data)).gasUsed());
    assertEquals("TransactionException.INTRINSIC_GAS_BELOW_FLOOR_GAS_COST",
        run(Fork.PRAGUE, funded(), legacy(OTHER, 60_999, data)).invalidReason());
    assertNull(run(Fork.CANCUN, funded(), legacy(OTHER, 60_999, data)).invalidReason());
  }

  @Test
  void osakaCapsTheTransactionGasLimit() {
    long cap = 1L << 24;
    assertNull(run(Fork.OSAKA, funded(), legacy(OTHER, cap, new byte[0])).invalidReason());
    assertEquals("TransactionException.GAS_LIMIT_EXCEEDS_MAXIMUM",
        run(Fork.OSAKA, funded(), legacy(OTHER, cap + 1, new byte[0])).invalidReason());
    assertNull(run(Fork.PRAGUE, funded(), legacy(OTHER, cap + 1, new byte[0])).invalidReason());
  }
}
