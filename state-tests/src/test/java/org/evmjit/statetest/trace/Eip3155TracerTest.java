package org.evmjit.statetest.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    assertEquals("", output(), "written when its whole cost is known");
    tracer.onFrameExit(0x79bf20 - 3, 0, 0, null);
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
    tracer.onFrameExit(7, 0, 4800, null);
    String line = output();
    assertEquals(
        "\"stack\":[\"0x0\",\"0x1f\",\"0x20000000000000001\",\"0x" + "f".repeat(64) + "\"]",
        line.substring(line.indexOf("\"stack\""), line.indexOf(",\"depth\"")));
    assertEquals(true, line.contains("\"memSize\":64,") && line.contains("\"depth\":2,\"refund\":4800,"));
  }

  @Test
  void gasCostAndRefundAreTheInstructionsWholeChargeKnownAtTheNextInstruction() {
    long[] stack = new long[8];
    tracer.onInstruction(7, 0x55, 100_000, 100, 0, stack, 2, new byte[0], 1, 0); // SSTORE: warm 100 static
    tracer.onInstruction(8, 0x00, 100_000 - 22_100, 0, 0, stack, 0, new byte[0], 1, 4800); // refund after SSTORE
    tracer.onFrameExit(100_000 - 22_100, 0, 0, null);
    String[] lines = output().split("\n");
    assertTrue(lines[0].contains("\"gas\":\"0x186a0\",\"gasCost\":\"0x5654\""), lines[0]);
    assertTrue(lines[0].contains("\"refund\":4800,"), "the refund after the SSTORE's charge, as geth: " + lines[0]);
    assertTrue(lines[1].contains("\"gasCost\":\"0x0\""), lines[1]);
  }

  @Test
  void createCostLeavesOutTheChildsGasAndAHaltKeepsTheStaticCostAndSaysWhy() {
    tracer.onInstruction(0, 0xf0, 100_000, 32000, 0, new long[12], 3, new byte[0], 1, 0);
    tracer.onFrameExit(100_000 - 32_000 - 500, 500, 0, null); // gas left after the charge and the child's 500
    tracer.onInstruction(1, 0x56, 90, 8, 0, new long[4], 1, new byte[0], 2, 0);
    tracer.onFrameExit(0, 0, 0, "BAD_JUMP_DESTINATION");
    String[] lines = output().split("\n");
    assertTrue(lines[0].contains("\"gasCost\":\"0x7d00\""), lines[0]);
    assertTrue(lines[1].contains("\"gasCost\":\"0x8\"") && lines[1].endsWith(",\"error\":\"BAD_JUMP_DESTINATION\"}"),
        lines[1]);
  }

  @Test
  void endLine() {
    tracer.onTransactionEnd(new byte[] {0x12, 0x34}, 0x5208, null);
    tracer.onTransactionEnd(new byte[0], 100, "out of gas \"x\"");
    assertEquals("{\"output\":\"1234\",\"gasUsed\":\"0x5208\",\"error\":null}\n"
        + "{\"output\":\"\",\"gasUsed\":\"0x64\",\"error\":\"out of gas \\\"x\\\"\"}\n", output());
  }
}
