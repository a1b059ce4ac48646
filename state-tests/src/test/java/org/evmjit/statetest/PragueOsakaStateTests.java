package org.evmjit.statetest;

import java.io.IOException;
import java.util.stream.Stream;
import org.evmjit.evm.fork.Fork;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@code Prague} and every {@code Osaka} post entry of the shared EEST release
 * ({@code fixtures/eest/state_tests}, about 8,200 and 8,600 entries: the new EIPs' folders, the
 * older EIPs filled for these forks and the ported {@code static} tests), on both engines like
 * {@link CancunStateTests}: each entry on the interpreter and on the JIT, failing on a divergence
 * between them or on any difference from the fixture (state root, explained account by account
 * from the entry's {@code state}; logs; the kind of an expected rejection). About two and a half
 * minutes of wall time per fork on two cores. The same from the command line:
 * {@code ./evmjit state-test --engine both --fork Prague ../shared/fixtures/eest/state_tests}.
 */
class PragueOsakaStateTests extends SharedStateTestSuite {
  private static final String EEST = "fixtures/eest/state_tests";

  PragueOsakaStateTests() {
    super(); // both engines, with the check of the compiler's declines
  }

  @TestFactory
  Stream<DynamicNode> prague() throws IOException {
    return suite(EEST, fork -> fork == Fork.PRAGUE);
  }

  @TestFactory
  Stream<DynamicNode> osaka() throws IOException {
    return suite(EEST, fork -> fork == Fork.OSAKA);
  }
}
