package org.evmjit.plugin.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.evmjit.evm.interpreter.Interpreter;
import org.evmjit.plugin.compiler.codegen.ClassFileSizes;
import org.junit.jupiter.api.Test;

/**
 * The interpreter's loop stays under HotSpot's 8000-byte huge-method limit, above which HotSpot
 * would never JIT-compile it and every interpreted instruction would run in HotSpot's bytecode
 * interpreter (what {@link Interpreter}'s javadoc asks to keep).
 */
class InterpreterSizeTest {
  @Test
  void theInterpreterLoopIsUnderTheHugeMethodLimit() throws Exception {
    byte[] classFile;
    try (InputStream in = Interpreter.class.getResourceAsStream("Interpreter.class")) {
      assertNotNull(in, "Interpreter.class");
      classFile = in.readAllBytes();
    }
    Map<String, Integer> sizes = ClassFileSizes.codeLengths(classFile);
    List<Map.Entry<String, Integer>> loop = sizes.entrySet().stream()
        .filter(e -> e.getKey().startsWith("execute(")).toList();
    assertEquals(1, loop.size(), sizes.keySet().toString());
    assertTrue(loop.get(0).getValue() <= JvmLimits.HUGE_METHOD_LIMIT, loop.toString());
  }
}
