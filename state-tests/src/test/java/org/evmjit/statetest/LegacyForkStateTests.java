package org.evmjit.statetest;

import java.io.IOException;
import java.util.stream.Stream;
import org.evmjit.evm.fork.Fork;
import org.evmjit.statetest.runner.Engine;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The older forks on the interpreter, from the shared ethereum/legacytests: every entry of
 * {@code Constantinople/GeneralStateTests} (Frontier to Petersburg, about 28,600 entries, about a
 * minute of CPU), and of {@code Cancun/GeneralStateTests} the forks Istanbul, Berlin, London and
 * Shanghai. Paris and Cancun of that folder are left to the full run in the closing notes:
 * Paris repeats London's rules but for PREVRANDAO, and Cancun is covered by
 * {@link CancunStateTests}.
 */
class LegacyForkStateTests extends SharedStateTestSuite {
  LegacyForkStateTests() {
    super(Engine.INTERPRETER);
  }

  @TestFactory
  Stream<DynamicNode> frontierToPetersburg() throws IOException {
    return suite("fixtures/legacytests/Constantinople/GeneralStateTests", fork -> true);
  }

  @TestFactory
  Stream<DynamicNode> istanbulToShanghai() throws IOException {
    return suite("fixtures/legacytests/Cancun/GeneralStateTests",
        fork -> fork == Fork.ISTANBUL || fork == Fork.BERLIN || fork == Fork.LONDON || fork == Fork.SHANGHAI);
  }
}
