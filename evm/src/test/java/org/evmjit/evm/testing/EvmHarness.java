package org.evmjit.evm.testing;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.evmjit.evm.exec.EngineSelector;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.state.WorldState;
import org.evmjit.evm.tx.AccessListEntry;
import org.evmjit.evm.tx.BlockEnv;
import org.evmjit.evm.tx.Transaction;
import org.evmjit.evm.tx.TransactionProcessor;
import org.evmjit.evm.tx.TransactionResult;
import org.evmjit.evm.word.Address;
import org.evmjit.evm.word.Word;

/**
 * Runs test programs as the code of a contract called by a funded account, on one engine and
 * fork. The transaction's gas price is 1 and the base fee 0, so balances show gas directly.
 */
public final class EvmHarness {
  public static final Address SENDER = Address.fromHex("0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b");
  public static final Address CONTRACT = Address.fromHex("0xcccccccccccccccccccccccccccccccccccccccc");
  public static final Address COINBASE = Address.fromHex("0x2adc25665018aa1fe0e6bc666dac8fc2697ff9ba");
  public static final long INTRINSIC = 21000;

  private final Fork fork;
  private final EngineSelector engines;
  private long gasLimit = 1_000_000;
  private byte[] input = new byte[0];
  private Map<Word, Word> storage = Map.of();
  private long balance;
  private List<AccessListEntry> accessList = List.of();
  private final WorldState state = new WorldState();

  public EvmHarness(Fork fork, EngineSelector engines) {
    this.fork = fork;
    this.engines = engines;
    state.putAccount(SENDER, 0, Word.fromBigInteger(BigInteger.TEN.pow(30)), null, Map.of());
  }

  public EvmHarness gasLimit(long gas) {
    this.gasLimit = gas;
    return this;
  }

  public EvmHarness input(byte[] data) {
    this.input = data;
    return this;
  }

  /** Pre-state storage of the contract under test. */
  public EvmHarness storage(Map<Word, Word> slots) {
    this.storage = slots;
    return this;
  }

  /** Pre-state balance of the contract under test (default 0). */
  public EvmHarness balance(long wei) {
    this.balance = wei;
    return this;
  }

  public EvmHarness accessList(List<AccessListEntry> entries) {
    this.accessList = entries;
    return this;
  }

  /** Adds another account to the pre-state. */
  public EvmHarness account(Address a, long balance, Bytecode code) {
    state.putAccount(a, code == null ? 0 : 1, Word.of(balance), code == null ? null : code.bytes(), Map.of());
    return this;
  }

  public WorldState state() {
    return state;
  }

  /** Runs {@code code} as the contract's code; the state stays readable through {@link #state()}. */
  public TransactionResult run(Bytecode code) {
    state.putAccount(CONTRACT, 1, Word.of(balance), code.bytes(), storage);
    BlockEnv env = new BlockEnv(COINBASE, 1, 1000, Math.max(30_000_000, gasLimit), Word.ZERO, Word.of(0x42), Word.ZERO, 0);
    int type = accessList.isEmpty() ? Transaction.LEGACY : Transaction.ACCESS_LIST;
    Transaction tx = new Transaction(type, SENDER, BigInteger.ZERO, BigInteger.valueOf(gasLimit),
        BigInteger.ONE, null, null, CONTRACT, BigInteger.ZERO, input, accessList, List.of(), null);
    return new TransactionProcessor(fork, engines).process(state, env, tx, null);
  }

  public Word storageAt(long slot) {
    return state.get(CONTRACT).storageValue(Word.of(slot));
  }
}
