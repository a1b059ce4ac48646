package org.evmjit.evm.state;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.evmjit.evm.crypto.Keccak;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.frame.Code;
import org.evmjit.evm.rlp.Rlp;
import org.evmjit.evm.trie.MerkleTrie;
import org.evmjit.evm.word.Address;
import org.evmjit.evm.word.Word;

/**
 * All accounts. A state test builds one from its {@code pre} section with {@link #putAccount},
 * runs one transaction on it and reads {@link #stateRoot()}.
 */
public final class WorldState {
  final HashMap<Address, Account> accounts = new HashMap<>();

  /** Adds or replaces an account (for loading a pre-state; not journaled). Zero storage values are dropped. */
  public void putAccount(Address address, long nonce, Word balance, byte[] code, Map<Word, Word> storage) {
    HashMap<Word, Word> nonZero = new HashMap<>();
    storage.forEach((k, v) -> {
      if (!v.isZero()) {
        nonZero.put(k, v);
      }
    });
    Code c = code == null || code.length == 0 ? Code.EMPTY : new Code(code);
    accounts.put(address, new Account(nonce, balance, c, nonZero));
  }

  /**
   * What adding zero wei to {@code address} does between transactions: before Spurious Dragon
   * it creates the account if missing; from Spurious Dragon (EIP-161) it deletes the account if it
   * exists and is empty. State-test runners do this to the coinbase after every transaction,
   * including rejected ones, as geth's does (a zero "mining reward").
   */
  public void touch(Address address, Fork fork) {
    Account a = accounts.get(address);
    if (!fork.isAtLeast(Fork.SPURIOUS_DRAGON)) {
      if (a == null) {
        accounts.put(address, Account.empty());
      }
    } else if (a != null && a.isEmpty()) {
      accounts.remove(address);
    }
  }

  /** The account at {@code address}, or null when it does not exist. */
  public Account get(Address address) {
    return accounts.get(address);
  }

  public Map<Address, Account> accounts() {
    return Collections.unmodifiableMap(accounts);
  }

  /** A deep copy, so one pre-state can serve many runs. Code objects are shared (immutable). */
  public WorldState copy() {
    WorldState c = new WorldState();
    accounts.forEach((a, acc) -> c.accounts.put(a, acc.copy()));
    return c;
  }

  /** The Merkle Patricia Trie root of all accounts: keccak(address) to RLP([nonce, balance, storageRoot, codeHash]). */
  public byte[] stateRoot() {
    List<Map.Entry<byte[], byte[]>> entries = new ArrayList<>(accounts.size());
    for (Map.Entry<Address, Account> e : accounts.entrySet()) {
      Account a = e.getValue();
      byte[] body = Rlp.encodeList(
          Rlp.encodeLong(a.nonce),
          Rlp.encodeWord(a.balance),
          Rlp.encodeBytes(storageRoot(a)),
          Rlp.encodeBytes(a.codeHash()));
      entries.add(Map.entry(Keccak.hash(e.getKey().toBytes()), body));
    }
    return MerkleTrie.root(entries);
  }

  private static byte[] storageRoot(Account a) {
    if (a.storage.isEmpty()) {
      return MerkleTrie.EMPTY_ROOT;
    }
    List<Map.Entry<byte[], byte[]>> slots = new ArrayList<>(a.storage.size());
    for (Map.Entry<Word, Word> s : a.storage.entrySet()) {
      if (!s.getValue().isZero()) {
        slots.add(Map.entry(Keccak.hash(s.getKey().toBytes32()), Rlp.encodeWord(s.getValue())));
      }
    }
    return MerkleTrie.root(slots);
  }
}
