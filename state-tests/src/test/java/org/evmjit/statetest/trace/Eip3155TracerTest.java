package org.evmjit.statetest.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.evmjit.evm.opcode.OpcodeTable;
import org.junit.jupiter.api.Test;

class Eip3155TracerTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final Eip3155Tracer tracer = new Eip3155Tracer(new PrintStream(bytes, true, StandardCharsets.UTF_8));

  private String output() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void instructionLine() {
    tracer.onInstruction(0, 0x60, 0x79bf20, 3, 0, new long[0], 0, new byte[0], 1, 0);
    assertEquals("{\"pc\":0,\"op\":96,\"gas\":\"0x79bf20\",\"gasCost\":\"0x3\",\"memSize\":0,\"stack\":[],"
        + "\"depth\":1,\"refund\":0,\"opName\":\"" + OpcodeTable.name(0x60) + "\"}\n", output());
  }

  @Test
  void stackItemsAreMinimalHexBottomFirst() {
    long[] stack = {
      0, 0, 0, 0,            // 0
      0x1f, 0, 0, 0,         // 0x1f
      1, 2, 0, 0,            // 2 * 2^64 + 1
      -1, -1, -1, -1,        // 2^256 - 1
    };
    tracer.onInstruction(5, 0x01, 10, 3, 64, stack, 4, new byte[0], 2, 4800);
    String line = output();
    assertEquals(
        "\"stack\":[\"0x0\",\"0x1f\",\"0x20000000000000001\",\"0x" + "f".repeat(64) + "\"]",
        line.substring(line.indexOf("\"stack\""), line.indexOf(",\"depth\"")));
    assertEquals(true, line.contains("\"memSize\":64,") && line.contains("\"depth\":2,\"refund\":4800,"));
  }

  @Test
  void endLine() {
    tracer.onTransactionEnd(new byte[] {0x12, 0x34}, 0x5208, null);
    tracer.onTransactionEnd(new byte[0], 100, "out of gas \"x\"");
    assertEquals("{\"output\":\"1234\",\"gasUsed\":\"0x5208\",\"error\":null}\n"
        + "{\"output\":\"\",\"gasUsed\":\"0x64\",\"error\":\"out of gas \\\"x\\\"\"}\n", output());
  }
}
