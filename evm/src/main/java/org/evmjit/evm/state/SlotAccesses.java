package org.evmjit.evm.state;

import java.util.HashMap;
import org.evmjit.evm.word.Address;
import org.evmjit.evm.word.Word;

/**
 * What a transaction knows about each storage slot it has touched, in one record per slot: whether
 * it is warm (EIP-2929) and its value before the transaction's first write to it (EIP-2200's
 * original value). One lookup serves SLOAD's and SSTORE's warm check, SSTORE's original value and
 * the write that records it, where separate sets and maps took one each.
 *
 * <p>Records are never removed: {@link TransactionState} undoes a warming through the record's
 * flag, and an original value, once recorded, holds for the rest of the transaction whatever is
 * reverted. So the slot map of the last address asked for stays valid, and is kept to save the
 * address lookup of the next access (SLOAD and SSTORE of a frame ask for its own address).
 */
final class SlotAccesses {
  /** One slot's record; {@code original} is null until the transaction first writes the slot. */
  static final class Slot {
    boolean warm;
    Word original;
  }

  private final HashMap<Address, HashMap<Word, Slot>> byAddress = new HashMap<>();
  private Address lastAddress;
  private HashMap<Word, Slot> lastSlots;
  /** The last slot found or made under {@link #lastAddress}, and its key (null: none yet). */
  private Word lastKey;
  private Slot lastSlot;

  /** The slot's record, created (cold, no original) when absent. */
  Slot slot(Address address, Word key) {
    Slot s = find(address, key);
    if (s == null) {
      s = new Slot();
      lastSlots.put(key, s);
      remember(key, s);
    }
    return s;
  }

  /**
   * The slot's record, or null when the transaction has not touched it. An SSTORE asks three times
   * for one slot (warm check, original value, write), often right after an SLOAD of it: the last
   * record is kept with its key and answers without a map lookup (records are never removed, so it
   * stays the slot's record).
   */
  Slot find(Address address, Word key) {
    HashMap<Word, Slot> slots = slotsOf(address);
    if (key.equals(lastKey)) {
      return lastSlot;
    }
    Slot s = slots.get(key);
    if (s != null) {
      remember(key, s);
    }
    return s;
  }

  private void remember(Word key, Slot s) {
    lastKey = key;
    lastSlot = s;
  }

  private HashMap<Word, Slot> slotsOf(Address address) {
    if (!address.equals(lastAddress)) {
      lastSlots = byAddress.computeIfAbsent(address, a -> new HashMap<>());
      lastAddress = address;
      lastKey = null;
    }
    return lastSlots;
  }
}
