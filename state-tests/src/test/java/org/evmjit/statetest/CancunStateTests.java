package org.evmjit.statetest;

import java.io.IOException;
import java.util.stream.Stream;
import org.evmjit.evm.fork.Fork;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@code Cancun} post entry of the shared ethereum/tests GeneralStateTests (about 20,000),
 * run with {@code --engine both} semantics: each entry on the interpreter and on the JIT, failing
 * on any divergence between them (status, gas used, output, logs hash, state root) as well as on
 * any difference from the fixture; so it checks both engines against the fixtures in one pass.
 */
class CancunStateTests extends SharedStateTestSuite {
  CancunStateTests() {
    super(); // both engines, with the check of the compiler's declines
  }

  @TestFactory
  Stream<DynamicNode> cancun() throws IOException {
    return suite("fixtures/ethereum-tests/GeneralStateTests", fork -> fork == Fork.CANCUN);
  }
}
