package org.evmjit.plugin.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.evmjit.evm.fork.Fork;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.TraceClassVisitor;

/**
 * Golden tests of generated code: the class for each small contract, disassembled with ASM's
 * {@link TraceClassVisitor}, must equal the approved text in
 * {@code src/test/resources/golden/NAME.txt}, so any change in generated code shows in review.
 *
 * <p>To re-approve after an intended change, run
 * {@code ./build -pl plugin surefire:test -Dtest=GoldenCodeTest -Devmjit.approveGolden=true}
 * (from the repository root, after {@code ./build install -DskipTests}) and review the diff of
 * the {@code .txt} files before committing them.
 */
class GoldenCodeTest {
  private static final Path APPROVED = Path.of("src/test/resources/golden");

  static Stream<Arguments> contracts() {
    return Stream.of(
        // PUSH1 1 PUSH1 2 ADD PUSH1 0 MSTORE PUSH1 32 PUSH1 0 RETURN: folded to one constant store
        Arguments.of("add-constants", "600160020160005260206000f3", true),
        Arguments.of("add-constants-array", "600160020160005260206000f3", false),
        // a counting loop: JUMPDEST, calldata-driven dynamic jump, JUMPI back
        Arguments.of("loop", "60003560005b8181106018576001019060040156" + "5b00", true),
        // CALL with values live across it
        Arguments.of("call", "6007600060006000600060006000600c5af1015f5260205ff3", true),
        // SSTORE mid-block with gas compensation, GAS, and a truncated PUSH at the end
        Arguments.of("sstore-gas", "6001600055" + "5a" + "600101" + "6002" + "6203", true),
        // an internal function f(x) = 3x + 1 called twice: its return jump resolved to both sites
        Arguments.of("internal-call", "60003561000b9061001d565b6100149061001d565b60005260206000f35b6003026001019056", true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contracts")
  void generatedCodeMatchesApprovedText(String name, String hex, boolean registers) throws IOException {
    EvmCompiler compiler = new EvmCompiler(new EvmCompiler.Options(registers, UncompilablePolicy.FAIL));
    var compiled = assertInstanceOf(CompileResult.Compiled.class,
        compiler.compile(HexFormat.of().parseHex(hex), Fork.CANCUN));
    StringWriter text = new StringWriter();
    new ClassReader(compiled.classBytes()).accept(new TraceClassVisitor(new PrintWriter(text)), 0);
    String actual = "// " + name + ": " + hex + (registers ? "" : " (array mode)") + "\n" + text;
    Path file = APPROVED.resolve(name + ".txt");
    if (Boolean.getBoolean("evmjit.approveGolden")) {
      Files.createDirectories(APPROVED);
      Files.writeString(file, actual, StandardCharsets.UTF_8);
      return;
    }
    try (InputStream in = GoldenCodeTest.class.getResourceAsStream("/golden/" + name + ".txt")) {
      if (in == null) {
        Assertions.fail("no approved text for " + name + "; run with -Devmjit.approveGolden=true (see class comment)");
      }
      assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), actual,
          "generated code for " + name + " changed; re-approve if intended (see class comment)");
    }
  }
}
