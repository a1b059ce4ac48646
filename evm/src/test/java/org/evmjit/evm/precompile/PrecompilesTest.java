package org.evmjit.evm.precompile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.stream.LongStream;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.word.Address;
import org.junit.jupiter.api.Test;

/** Which precompiles exist in which fork. */
class PrecompilesTest {
  private static List<Address> range(long from, long to) {
    return LongStream.rangeClosed(from, to).mapToObj(Address::of).toList();
  }

  @Test
  void addressesPerFork() {
    for (Fork fork : List.of(Fork.FRONTIER, Fork.HOMESTEAD, Fork.TANGERINE_WHISTLE, Fork.SPURIOUS_DRAGON)) {
      assertEquals(range(1, 4), Precompiles.addresses(fork), fork.name());
    }
    for (Fork fork : List.of(Fork.BYZANTIUM, Fork.CONSTANTINOPLE, Fork.PETERSBURG)) {
      assertEquals(range(1, 8), Precompiles.addresses(fork), fork.name());
    }
    for (Fork fork : List.of(Fork.ISTANBUL, Fork.BERLIN, Fork.LONDON, Fork.PARIS, Fork.SHANGHAI)) {
      assertEquals(range(1, 9), Precompiles.addresses(fork), fork.name());
    }
    assertEquals(range(1, 10), Precompiles.addresses(Fork.CANCUN));
  }

  @Test
  void getAgreesWithAddresses() {
    for (Fork fork : Fork.values()) {
      List<Address> active = Precompiles.addresses(fork);
      for (long a = 0; a <= 0x102; a++) {
        Precompile p = Precompiles.get(Address.of(a), fork);
        assertEquals(active.contains(Address.of(a)), p != null, fork + " " + a);
      }
    }
  }

  @Test
  void getIgnoresAddressesThatOnlyLookSmall() {
    assertNull(Precompiles.get(Address.ZERO, Fork.CANCUN));
    assertNull(Precompiles.get(Address.of(11), Fork.CANCUN));
    assertNull(Precompiles.get(Address.of(-1), Fork.CANCUN), "low limb 2^64 - 1");
    assertNull(Precompiles.get(new Address(0, 1, 1), Fork.CANCUN));
    assertNull(Precompiles.get(new Address(1, 0, 1), Fork.CANCUN));
    assertNull(Precompiles.get(Address.fromHex("0x0100000000000000000000000000000000000001"), Fork.CANCUN));
    assertNotNull(Precompiles.get(Address.fromHex("0x0000000000000000000000000000000000000001"), Fork.FRONTIER));
  }

  @Test
  void getIsStableAcrossCalls() {
    assertSame(Precompiles.get(Address.of(5), Fork.BERLIN), Precompiles.get(Address.of(5), Fork.BERLIN));
  }

  @Test
  void newContractsAppearAtTheirForks() {
    assertNull(Precompiles.get(Address.of(5), Fork.SPURIOUS_DRAGON));
    assertNotNull(Precompiles.get(Address.of(5), Fork.BYZANTIUM));
    assertNull(Precompiles.get(Address.of(9), Fork.PETERSBURG));
    assertNotNull(Precompiles.get(Address.of(9), Fork.ISTANBUL));
    assertNull(Precompiles.get(Address.of(10), Fork.SHANGHAI));
    assertNotNull(Precompiles.get(Address.of(10), Fork.CANCUN));
  }
}
