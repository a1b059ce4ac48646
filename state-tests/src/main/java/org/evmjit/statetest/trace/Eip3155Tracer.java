package org.evmjit.statetest.trace;

import java.io.PrintStream;
import org.evmjit.evm.opcode.OpcodeTable;
import org.evmjit.evm.trace.Tracer;
import org.evmjit.statetest.fixture.Hex;

/**
 * Writes an EIP-3155 trace: one JSON object per instruction, such as
 * {@code {"pc":0,"op":96,"gas":"0x79bf20","gasCost":"0x3","memSize":0,"stack":[],"depth":1,"refund":0,"opName":"PUSH1"}},
 * and at the end {@code {"output":"","gasUsed":"0x...","error":null}}.
 */
public final class Eip3155Tracer implements Tracer {
  private final PrintStream out;
  private final StringBuilder line = new StringBuilder(256);

  public Eip3155Tracer(PrintStream out) {
    this.out = out;
  }

  @Override
  public void onInstruction(int pc, int opcode, long gas, long gasCost, long memorySize,
      long[] stack, int stackSize, byte[] returnData, int depth, long refund) {
    StringBuilder sb = line;
    sb.setLength(0);
    sb.append("{\"pc\":").append(pc)
        .append(",\"op\":").append(opcode)
        .append(",\"gas\":\"").append(Hex.shortHex(gas))
        .append("\",\"gasCost\":\"").append(Hex.shortHex(gasCost))
        .append("\",\"memSize\":").append(memorySize)
        .append(",\"stack\":[");
    for (int i = 0; i < stackSize; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append('"');
      appendWord(sb, stack, 4 * i);
      sb.append('"');
    }
    sb.append("],\"depth\":").append(depth)
        .append(",\"refund\":").append(refund)
        .append(",\"opName\":\"").append(OpcodeTable.name(opcode)).append("\"}");
    out.println(sb);
  }

  @Override
  public void onTransactionEnd(byte[] output, long gasUsed, String error) {
    StringBuilder sb = line;
    sb.setLength(0);
    sb.append("{\"output\":\"").append(Hex.unprefixed(output))
        .append("\",\"gasUsed\":\"").append(Hex.shortHex(gasUsed))
        .append("\",\"error\":");
    if (error == null) {
      sb.append("null");
    } else {
      appendJsonString(sb, error);
    }
    sb.append('}');
    out.println(sb);
    out.flush();
  }

  /** Minimal hex of the 256-bit word whose least significant limb is {@code limbs[at]}. */
  static void appendWord(StringBuilder sb, long[] limbs, int at) {
    sb.append("0x");
    int top = 3;
    while (top > 0 && limbs[at + top] == 0) {
      top--;
    }
    sb.append(Long.toHexString(limbs[at + top]));
    for (int i = top - 1; i >= 0; i--) {
      String digits = Long.toHexString(limbs[at + i]);
      for (int pad = digits.length(); pad < 16; pad++) {
        sb.append('0');
      }
      sb.append(digits);
    }
  }

  static void appendJsonString(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
