package org.evmjit.besu.seam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.evmjit.evm.fork.Fork;
import org.junit.jupiter.api.Test;

class ForkMappingTest {
  private final ForkMapping forks = ForkMapping.load();

  @Test
  void everyForkEvmjitImplementsIsAcceleratedUnderItsBesuName() {
    assertEquals(Optional.of(Fork.TANGERINE_WHISTLE), forks.forNode("TANGERINE_WHISTLE"));
    assertEquals(Optional.of(Fork.PETERSBURG), forks.forNode("PETERSBURG"));
    assertEquals(Optional.of(Fork.CANCUN), forks.forNode("CANCUN"));
    assertEquals(Optional.of(Fork.PRAGUE), forks.forNode("PRAGUE"));
    assertEquals(Optional.of(Fork.OSAKA), forks.forNode("OSAKA"));
    for (Fork f : Fork.values()) {
      assertEquals(Optional.of(f), forks.forNode(f.name()), f.name());
    }
  }

  @Test
  void forksEvmjitDoesNotImplementStayOnBesu() {
    assertTrue(forks.forNode("AMSTERDAM").isEmpty());
    assertTrue(forks.forNode("FUTURE_EIPS").isEmpty());
  }
}
