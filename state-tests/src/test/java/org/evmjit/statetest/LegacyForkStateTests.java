package org.evmjit.statetest;

import java.io.IOException;
import java.util.stream.Stream;
import org.evmjit.evm.fork.Fork;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The older forks on both engines (each entry runs on the interpreter and on the JIT, compiled at
 * first sight, and the two must agree with the fixture and with each other), from the shared
 * ethereum/legacytests: every entry of
 * {@code Constantinople/GeneralStateTests} (Frontier to Petersburg, about 28,600 entries, about a
 * minute of CPU per engine), and of {@code Cancun/GeneralStateTests} the forks Istanbul, Berlin, London and
 * Shanghai, without its two performance folders. This is CI's representative part; the full
 * run of every fork is in the closing notes. Left out here, to keep CI's time:
 * <ul>
 *   <li>Paris and Cancun of the legacy Cancun folder: Paris repeats London's rules but for
 *       PREVRANDAO, and Cancun is covered by {@link CancunStateTests};
 *   <li>{@code stTimeConsuming} and {@code VMTests/vmPerformance}: about 85 s of CPU per fork for
 *       CALLBlake2f_MaxRounds (2^32 - 1 blake2 rounds) and about 60 s per fork for loopMul, so
 *       several minutes per fork; {@link CancunStateTests} runs them once, for Cancun.
 * </ul>
 */
class LegacyForkStateTests extends SharedStateTestSuite {
  LegacyForkStateTests() {
    super(); // both engines, with the check of the compiler's declines
  }

  @TestFactory
  Stream<DynamicNode> frontierToPetersburg() throws IOException {
    return suite("fixtures/legacytests/Constantinople/GeneralStateTests", fork -> true);
  }

  @TestFactory
  Stream<DynamicNode> istanbulToShanghai() throws IOException {
    return suite("fixtures/legacytests/Cancun/GeneralStateTests",
        fork -> fork == Fork.ISTANBUL || fork == Fork.BERLIN || fork == Fork.LONDON || fork == Fork.SHANGHAI,
        folder -> !folder.equals("stTimeConsuming") && !folder.equals("VMTests/vmPerformance"));
  }
}
