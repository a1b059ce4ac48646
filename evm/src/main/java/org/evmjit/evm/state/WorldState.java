package org.evmjit.evm.state;

import java.util.HashMap;
import java.util.Map;
import org.evmjit.evm.word.Address;
import org.evmjit.evm.word.Word;

/**
 * All accounts. A state test builds one from its {@code pre} section with {@link #putAccount},
 * runs one transaction on it and reads {@link #stateRoot()}.
 */
public final class WorldState {
  final HashMap<Address, Account> accounts = new HashMap<>();

  /** Adds or replaces an account (for loading a pre-state; not journaled). */
  public void putAccount(Address address, long nonce, Word balance, byte[] code, Map<Word, Word> storage) {
    HashMap<Word, Word> nonZero = new HashMap<>();
    storage.forEach((k, v) -> {
      if (!v.isZero()) {
        nonZero.put(k, v);
      }
    });
    accounts.put(address, new Account(nonce, balance, code, nonZero));
  }

  /** The account at {@code address}, or null when it does not exist. */
  public Account get(Address address) {
    return accounts.get(address);
  }

  public Map<Address, Account> accounts() {
    return java.util.Collections.unmodifiableMap(accounts);
  }

  /** A deep copy, so one pre-state can serve many runs. */
  public WorldState copy() {
    WorldState c = new WorldState();
    accounts.forEach((a, acc) -> c.accounts.put(a, acc.copy()));
    return c;
  }

  /** The Merkle Patricia Trie root of all accounts (keccak-keyed, as mainnet). */
  public byte[] stateRoot() {
    throw new UnsupportedOperationException("not yet");
  }
}
