package org.evmjit.statetest.fuzz;

import static org.junit.jupiter.api.Assertions.assertNull;

import org.evmjit.evm.fork.Fork;
import org.evmjit.statetest.ethjs.EthereumJsEngine;
import org.evmjit.statetest.ethjs.NodeSetup;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** CI's bounded run of {@code fuzz --against ethereumjs}: generated programs agree on the interpreter, the JIT and ethereumjs. */
class FuzzAgainstEthereumJsTest {
  @Test
  void twoHundredProgramsAgreeWithEthereumJs() {
    NodeSetup setup = NodeSetup.find();
    Assumptions.assumeTrue(setup.available(), setup::problem);
    try (EthereumJsEngine ethereumjs = new EthereumJsEngine(setup, 60_000)) {
      Fuzzer f = new Fuzzer(Fork.OSAKA, ethereumjs);
      for (long i = 0; i < 200; i++) {
        Fuzzer.Divergence d = f.run(11, i);
        assertNull(d, () -> d.difference() + "\n" + d.json());
      }
    }
  }
}
