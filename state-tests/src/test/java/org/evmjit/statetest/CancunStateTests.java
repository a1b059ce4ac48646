package org.evmjit.statetest;

import java.io.IOException;
import java.util.stream.Stream;
import org.evmjit.evm.fork.Fork;
import org.evmjit.statetest.runner.Engine;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/** Every {@code Cancun} post entry of the shared ethereum/tests GeneralStateTests (about 20,000), on the interpreter. */
class CancunStateTests extends SharedStateTestSuite {
  CancunStateTests() {
    super(Engine.INTERPRETER);
  }

  @TestFactory
  Stream<DynamicNode> cancun() throws IOException {
    return suite("fixtures/ethereum-tests/GeneralStateTests", fork -> fork == Fork.CANCUN);
  }
}
