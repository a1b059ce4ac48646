package org.evmjit.evm.state;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import org.evmjit.evm.crypto.Keccak;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.fork.GasSchedule;
import org.evmjit.evm.frame.Code;
import org.evmjit.evm.host.Host;
import org.evmjit.evm.host.TxContext;
import org.evmjit.evm.precompile.Precompiles;
import org.evmjit.evm.tx.BlockEnv;
import org.evmjit.evm.tx.Log;
import org.evmjit.evm.word.Address;
import org.evmjit.evm.word.Word;

/**
 * The world state as one transaction sees and changes it: the {@link Host} for instructions, plus
 * the account operations of calls and creates. Every change is journaled as an undo action;
 * {@link #snapshot()} and {@link #revertTo(int)} undo a frame's changes. Besides accounts, the
 * journal covers the EIP-2929 warm sets, transient storage, logs, refunds, self-destructs and the
 * EIP-161 touched set, since all of those are rolled back with a failing frame.
 */
public final class TransactionState implements Host {
  /** RIPEMD-160's address: geth keeps it touched even when the touching call reverts (mainnet block 2675119). */
  private static final Address RIPEMD = Address.of(3);

  private final WorldState world;
  private final Fork fork;
  private final GasSchedule gas;
  private final BlockEnv block;
  private final TxContext tx;

  private final ArrayList<Runnable> journal = new ArrayList<>();
  private final HashSet<Address> warmAccounts = new HashSet<>();
  private final SlotAccesses slots = new SlotAccesses();
  private final HashMap<Address, HashMap<Word, Word>> transients = new HashMap<>();
  private final ArrayList<Log> logs = new ArrayList<>();
  private final LinkedHashSet<Address> selfDestructed = new LinkedHashSet<>();
  private final HashSet<Address> createdInTx = new HashSet<>();
  private final LinkedHashSet<Address> touched = new LinkedHashSet<>();
  /** An address known to be in {@link #touched}: the last one touched; null once a revert removes any. */
  private Address lastTouched;
  private long refund;
  /** A one-entry memo of {@code world.accounts.get}, cleared by every change of the map (see {@link #account}). */
  private Address memoAddress;
  private Account memoAccount;

  public TransactionState(WorldState world, Fork fork, BlockEnv block, TxContext tx) {
    this.world = world;
    this.fork = fork;
    this.gas = GasSchedule.forFork(fork);
    this.block = block;
    this.tx = tx;
  }

  // ---- journal ----

  public int snapshot() {
    return journal.size();
  }

  public void revertTo(int snapshot) {
    for (int i = journal.size() - 1; i >= snapshot; i--) {
      journal.remove(i).run();
    }
  }

  // ---- Host: environment ----

  @Override
  public Fork fork() {
    return fork;
  }

  @Override
  public GasSchedule gas() {
    return gas;
  }

  @Override
  public BlockEnv block() {
    return block;
  }

  @Override
  public TxContext tx() {
    return tx;
  }

  @Override
  public Word blockHash(Word number) {
    if (!number.fitsLong()) {
      return Word.ZERO;
    }
    long n = number.w0();
    long current = block.number();
    if (n >= current || n < current - 256) {
      return Word.ZERO;
    }
    // The state tests' convention (geth's vmTestBlockHash): keccak256 of the decimal number.
    return Word.fromBytes(Keccak.hash(Long.toString(n).getBytes(StandardCharsets.US_ASCII)));
  }

  // ---- Host: accounts ----

  /**
   * The account at {@code address}, or null. Calls in a row ask for the same few addresses (a
   * frame's own, its caller), so the last answer is kept; {@link #putAccount} and
   * {@link #removeAccount}, the only ways this class changes the map, clear it.
   */
  private Account account(Address address) {
    if (!address.equals(memoAddress)) {
      memoAccount = world.accounts.get(address);
      memoAddress = address;
    }
    return memoAccount;
  }

  private void putAccount(Address address, Account a) {
    world.accounts.put(address, a);
    memoAddress = null;
  }

  private void removeAccount(Address address) {
    world.accounts.remove(address);
    memoAddress = null;
  }

  @Override
  public boolean exists(Address address) {
    return account(address) != null;
  }

  @Override
  public boolean isDead(Address address) {
    Account a = account(address);
    return a == null || a.isEmpty();
  }

  @Override
  public Word balance(Address address) {
    Account a = account(address);
    return a == null ? Word.ZERO : a.balance;
  }

  @Override
  public Code code(Address address) {
    Account a = account(address);
    return a == null ? Code.EMPTY : a.code;
  }

  public long nonce(Address address) {
    Account a = account(address);
    return a == null ? 0 : a.nonce;
  }

  /** True when the account has storage (an EIP-7610 collision for CREATE). */
  public boolean hasStorage(Address address) {
    Account a = account(address);
    return a != null && !a.storage.isEmpty();
  }

  /**
   * Precompiles are warm from the transaction's start (EIP-2929) and stay warm, since no revert
   * reaches back before the start; so they are answered as warm without being in the set, and the
   * transaction does not add them one by one.
   */
  @Override
  public boolean warmAccount(Address address) {
    if (Precompiles.get(address, fork) != null) {
      return false;
    }
    if (warmAccounts.add(address)) {
      journal.add(() -> warmAccounts.remove(address));
      return true;
    }
    return false;
  }

  @Override
  public boolean warmSlot(Address address, Word key) {
    SlotAccesses.Slot slot = slots.slot(address, key);
    if (!slot.warm) {
      slot.warm = true;
      journal.add(() -> slot.warm = false);
      return true;
    }
    return false;
  }

  // ---- Host: storage ----

  @Override
  public Word storage(Address address, Word key) {
    Account a = account(address);
    return a == null ? Word.ZERO : a.storageValue(key);
  }

  @Override
  public Word originalStorage(Address address, Word key) {
    SlotAccesses.Slot slot = slots.find(address, key);
    return slot != null && slot.original != null ? slot.original : storage(address, key);
  }

  @Override
  public void setStorage(Address address, Word key, Word value) {
    Account a = getOrCreate(address);
    Word previous = a.storageValue(key);
    SlotAccesses.Slot slot = slots.slot(address, key);
    if (slot.original == null) {
      slot.original = previous;
    }
    putSlot(a, key, value);
    journal.add(() -> putSlot(a, key, previous));
    touch(address);
  }

  private static void putSlot(Account a, Word key, Word value) {
    if (value.isZero()) {
      a.storage.remove(key);
    } else {
      a.storage.put(key, value);
    }
  }

  @Override
  public Word transientStorage(Address address, Word key) {
    HashMap<Word, Word> t = transients.get(address);
    return t == null ? Word.ZERO : t.getOrDefault(key, Word.ZERO);
  }

  @Override
  public void setTransientStorage(Address address, Word key, Word value) {
    HashMap<Word, Word> t = transients.computeIfAbsent(address, k -> new HashMap<>());
    Word previous = t.getOrDefault(key, Word.ZERO);
    t.put(key, value);
    journal.add(() -> t.put(key, previous));
  }

  // ---- Host: refunds, logs, self-destruct ----

  @Override
  public void addRefund(long delta) {
    if (delta != 0) {
      refund += delta;
      journal.add(() -> refund -= delta);
    }
  }

  @Override
  public long refund() {
    return refund;
  }

  @Override
  public void emitLog(Address address, Word[] topics, byte[] data) {
    logs.add(new Log(address, List.of(topics), data));
    journal.add(() -> logs.remove(logs.size() - 1));
  }

  public List<Log> logs() {
    return logs;
  }

  @Override
  public void selfDestruct(Address self, Address beneficiary) {
    Word amount = balance(self);
    boolean destroys = !fork.isAtLeast(Fork.CANCUN) || createdInTx.contains(self);
    if (gas.selfdestructRefund > 0 && !selfDestructed.contains(self)) {
      addRefund(gas.selfdestructRefund);
    }
    if (fork.isAtLeast(Fork.CANCUN)) {
      // EIP-6780: move the balance; the account itself goes only if created in this transaction.
      subtractBalance(self, amount);
      addBalance(beneficiary, amount);
    } else {
      addBalance(beneficiary, amount);
      setBalance(self, Word.ZERO);
    }
    if (destroys) {
      setBalance(self, Word.ZERO);
      if (selfDestructed.add(self)) {
        journal.add(() -> selfDestructed.remove(self));
      }
    }
  }

  // ---- account operations of calls, creates and the transaction ----

  private Account getOrCreate(Address address) {
    Account a = account(address);
    if (a == null) {
      a = Account.empty();
      putAccount(address, a);
      journal.add(() -> removeAccount(address));
    }
    return a;
  }

  /** Marks an account touched (EIP-161: an empty touched account is deleted at the end). */
  public void touch(Address address) {
    if (address.equals(lastTouched)) { // every SSTORE touches its frame's address again
      return;
    }
    if (touched.add(address) && !address.equals(RIPEMD)) {
      journal.add(() -> {
        touched.remove(address);
        lastTouched = null;
      });
    }
    lastTouched = address;
  }

  /**
   * Adds {@code amount} to the balance, creating and touching the account. Zero changes nothing
   * but the creation and the touch (most calls carry no value), so it writes and journals no balance.
   */
  public void addBalance(Address address, Word amount) {
    Account a = getOrCreate(address);
    if (!amount.isZero()) {
      setBalance(a, a.balance.add(amount));
    }
    touch(address);
  }

  /** Subtracts {@code amount} (modulo 2^256), as {@link #addBalance} adds. */
  public void subtractBalance(Address address, Word amount) {
    Account a = getOrCreate(address);
    if (!amount.isZero()) {
      setBalance(a, a.balance.subtract(amount));
    }
    touch(address);
  }

  private void setBalance(Address address, Word value) {
    setBalance(getOrCreate(address), value);
    touch(address);
  }

  private void setBalance(Account a, Word value) {
    Word previous = a.balance;
    a.balance = value;
    journal.add(() -> a.balance = previous);
  }

  /** Moves {@code amount} from one account to another; the caller has checked the balance. */
  public void transfer(Address from, Address to, Word amount) {
    subtractBalance(from, amount);
    addBalance(to, amount);
  }

  public void setNonce(Address address, long nonce) {
    Account a = getOrCreate(address);
    long previous = a.nonce;
    a.nonce = nonce;
    journal.add(() -> a.nonce = previous);
    touch(address);
  }

  /** Creates an account for a call target that does not exist yet. */
  public void createEmpty(Address address) {
    getOrCreate(address);
    touch(address);
  }

  /**
   * CREATE's account: a fresh account that keeps any balance already sent to the address, with
   * nonce 1 from Spurious Dragon (EIP-161), remembered as created in this transaction (EIP-6780).
   */
  public void createContractAccount(Address address) {
    Account previous = account(address);
    Account fresh = Account.empty();
    if (previous != null) {
      fresh.balance = previous.balance;
    }
    if (fork.isAtLeast(Fork.SPURIOUS_DRAGON)) {
      fresh.nonce = 1;
    }
    putAccount(address, fresh);
    journal.add(() -> {
      if (previous == null) {
        removeAccount(address);
      } else {
        putAccount(address, previous);
      }
    });
    if (createdInTx.add(address)) {
      journal.add(() -> createdInTx.remove(address));
    }
    touch(address);
  }

  public void setCode(Address address, Code code) {
    Account a = getOrCreate(address);
    Code previous = a.code;
    a.code = code;
    journal.add(() -> a.code = previous);
  }

  /**
   * Ends the transaction: deletes self-destructed accounts and, from Spurious Dragon, touched
   * accounts that are empty. Not journaled.
   */
  public void finish() {
    for (Address a : selfDestructed) {
      removeAccount(a);
    }
    if (fork.isAtLeast(Fork.SPURIOUS_DRAGON)) {
      for (Address a : touched) {
        Account acc = account(a);
        if (acc != null && acc.isEmpty()) {
          removeAccount(a);
        }
      }
    }
  }
}
