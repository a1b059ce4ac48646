package org.evmjit.evm.state;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.HashMap;
import java.util.List;
import java.util.SplittableRandom;
import org.evmjit.evm.word.Address;
import org.evmjit.evm.word.Word;
import org.junit.jupiter.api.Test;

/**
 * {@link SlotAccesses}, with its memo of the last address and slot, against a plain map of
 * (address, key) to record: random interleavings of a few addresses and keys (equal keys as distinct
 * objects) must find the same record, or none, as the map.
 */
class SlotAccessesTest {
  private record Ref(Address address, Word key) {}

  @Test
  void findsWhatAPlainMapFinds() {
    List<Address> addresses = List.of(Address.of(1), Address.of(2), Address.of(0xcc));
    SplittableRandom random = new SplittableRandom(5);
    SlotAccesses slots = new SlotAccesses();
    HashMap<Ref, SlotAccesses.Slot> reference = new HashMap<>();
    for (int i = 0; i < 20_000; i++) {
      Address a = addresses.get(random.nextInt(addresses.size()));
      Word key = new Word(random.nextInt(4), 0, 0, random.nextInt(2)); // a new object each time
      Ref ref = new Ref(a, key);
      if (random.nextBoolean()) {
        SlotAccesses.Slot s = slots.slot(a, key);
        SlotAccesses.Slot known = reference.putIfAbsent(ref, s);
        if (known != null) {
          assertSame(known, s, ref::toString);
        }
      } else if (reference.containsKey(ref)) {
        assertSame(reference.get(ref), slots.find(a, key), ref::toString);
      } else {
        assertNull(slots.find(a, key), ref::toString);
      }
    }
  }
}
