package org.hyperledger.besu.evm.processor;

import java.util.Set;
import org.hyperledger.besu.evm.EVM;

/** A concrete message processor for tests (made with Instances.allocate, so the constructor never runs). */
public final class TestProcessor extends AbstractMessageProcessor {
  private TestProcessor() {
    super(null, Set.of());
  }
}
