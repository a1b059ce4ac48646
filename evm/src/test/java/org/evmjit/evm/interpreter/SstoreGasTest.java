package org.evmjit.evm.interpreter;

import static org.evmjit.evm.testing.Bytecode.code;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.testing.Engines;
import org.evmjit.evm.testing.EvmHarness;
import org.evmjit.evm.tx.AccessListEntry;
import org.evmjit.evm.tx.TransactionResult;
import org.evmjit.evm.word.Word;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SSTORE net gas metering with the EIP-3529 refunds (London and later): the test-case table of
 * EIP-3529, whose "used gas" and "refund" assume the slot is warm. The slot is warmed through
 * the transaction's access list, so the transaction's gas is intrinsic + access list + used
 * gas - min(refund, total / 5).
 */
class SstoreGasTest {
  static Stream<Arguments> eip3529Cases() {
    return Stream.of(
        Arguments.of("60006000556000600055", 212, 0, 0),
        Arguments.of("60006000556001600055", 20112, 0, 0),
        Arguments.of("60016000556000600055", 20112, 19900, 0),
        Arguments.of("60016000556002600055", 20112, 0, 0),
        Arguments.of("60016000556001600055", 20112, 0, 0),
        Arguments.of("60006000556000600055", 3012, 4800, 1),
        Arguments.of("60006000556001600055", 3012, 2800, 1),
        Arguments.of("60006000556002600055", 3012, 0, 1),
        Arguments.of("60026000556000600055", 3012, 4800, 1),
        Arguments.of("60026000556003600055", 3012, 0, 1),
        Arguments.of("60026000556001600055", 3012, 2800, 1),
        Arguments.of("60026000556002600055", 3012, 0, 1),
        Arguments.of("60016000556000600055", 3012, 4800, 1),
        Arguments.of("60016000556002600055", 3012, 0, 1),
        Arguments.of("60016000556001600055", 212, 0, 1),
        Arguments.of("600160005560006000556001600055", 40118, 19900, 0),
        Arguments.of("600060005560016000556000600055", 5918, 7600, 1));
  }

  @ParameterizedTest(name = "{0} original {3}")
  @MethodSource("eip3529Cases")
  void eip3529Table(String hex, long used, long refund, long original) {
    Engines.all().forEach(args -> {
      EvmHarness h = new EvmHarness(Fork.CANCUN, (org.evmjit.evm.exec.EngineSelector) args.get()[1])
          .storage(Map.of(Word.ZERO, Word.of(original)))
          .accessList(List.of(new AccessListEntry(EvmHarness.CONTRACT, List.of(Word.ZERO))));
      TransactionResult r = h.run(code().raw(hex));
      long total = EvmHarness.INTRINSIC + 2400 + 1900 + used;
      long expected = total - Math.min(refund, total / 5);
      assertEquals(expected, r.gasUsed(), () -> args.get()[0] + ": " + hex);
    });
  }
}
