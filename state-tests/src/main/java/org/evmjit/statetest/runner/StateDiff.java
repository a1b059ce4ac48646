package org.evmjit.statetest.runner;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.evmjit.evm.state.Account;
import org.evmjit.evm.state.WorldState;
import org.evmjit.evm.word.Address;
import org.evmjit.evm.word.Word;
import org.evmjit.statetest.fixture.Hex;
import org.evmjit.statetest.fixture.PreAccount;

/**
 * Explains a wrong state root against a post entry's expected {@code state}: the first account
 * (in the fixture's order, then accounts the fixture does not have) whose nonce, balance, code or
 * storage differs.
 */
final class StateDiff {
  private StateDiff() {}

  /** The first difference between {@code actual} and {@code expected}, or null when there is none. */
  static String first(WorldState actual, List<PreAccount> expected) {
    Set<Address> listed = new HashSet<>();
    for (PreAccount e : expected) {
      listed.add(e.address());
      String diff = account(e, actual.get(e.address()));
      if (diff != null) {
        return "account " + e.address().toHex() + ": " + diff;
      }
    }
    return actual.accounts().keySet().stream()
        .filter(a -> !listed.contains(a))
        .map(Address::toHex)
        .sorted()
        .findFirst()
        .map(a -> "account " + a + " exists but the expected state does not have it")
        .orElse(null);
  }

  private static String account(PreAccount e, Account a) {
    if (a == null) {
      return "missing (expected nonce " + Long.toUnsignedString(e.nonce()) + ", balance " + e.balance() + ")";
    }
    if (a.nonce() != e.nonce()) {
      return "nonce " + Long.toUnsignedString(a.nonce()) + " != expected " + Long.toUnsignedString(e.nonce());
    }
    if (!a.balance().equals(e.balance())) {
      return "balance " + a.balance() + " != expected " + e.balance();
    }
    if (!Arrays.equals(a.code().bytes(), e.code())) {
      return "code " + Hex.prefixed(a.code().bytes()) + " != expected " + Hex.prefixed(e.code());
    }
    for (Map.Entry<Word, Word> slot : e.storage().entrySet()) {
      Word value = a.storageValue(slot.getKey());
      if (!value.equals(slot.getValue())) {
        return "storage slot " + slot.getKey() + ": " + value + " != expected " + slot.getValue();
      }
    }
    for (Map.Entry<Word, Word> slot : a.storage().entrySet()) {
      if (!e.storage().containsKey(slot.getKey()) && !slot.getValue().isZero()) {
        return "storage slot " + slot.getKey() + ": " + slot.getValue() + " != expected 0x0";
      }
    }
    return null;
  }
}
