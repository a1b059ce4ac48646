package org.evmjit.statetest.trace;

import java.io.PrintStream;
import org.evmjit.evm.opcode.OpcodeTable;
import org.evmjit.evm.trace.Tracer;
import org.evmjit.statetest.fixture.Hex;

/**
 * Writes an EIP-3155 trace: one JSON object per instruction, such as
 * {@code {"pc":0,"op":96,"gas":"0x79bf20","gasCost":"0x3","memSize":0,"stack":[],"depth":1,"refund":0,"opName":"PUSH1"}}
 * (the fields and order geth and Besu write; {@code gasCost} is the instruction's whole cost, and a
 * line whose instruction halted exceptionally adds {@code "error"}), and at the end
 * {@code {"output":"","gasUsed":"0x...","error":null}}.
 */
public final class Eip3155Tracer implements Tracer, TraceLines {
  private final PrintStream out;
  private final StringBuilder line = new StringBuilder(256);
  /** The last instruction's line up to its gas, written once its whole cost is known; empty when none. */
  private final StringBuilder pending = new StringBuilder(256);
  /** The rest of the pending line, from memSize on. */
  private final StringBuilder pendingTail = new StringBuilder(256);
  private long pendingGas;
  private long pendingStaticCost;
  private String pendingOpName;
  private long pendingRefund;

  public Eip3155Tracer(PrintStream out) {
    this.out = out;
  }

  /**
   * Holds the instruction's line until its whole cost (static and dynamic, and for a call the gas
   * passed on) and the refund counter after its charges are known, as geth writes them: when the
   * frame's next instruction starts, or at {@link #onFrameExit}.
   */
  @Override
  public void onInstruction(int pc, int opcode, long gas, long gasCost, long memorySize,
      long[] stack, int stackSize, byte[] returnData, int depth, long refund) {
    if (!pending.isEmpty()) {
      writePending(pendingGas - gas, refund, null);
    }
    pending.append("{\"pc\":").append(pc)
        .append(",\"op\":").append(opcode)
        .append(",\"gas\":\"").append(Hex.shortHex(gas));
    StringBuilder sb = pendingTail;
    sb.append("\",\"memSize\":").append(memorySize)
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
        .append(",\"refund\":");
    pendingOpName = OpcodeTable.name(opcode);
    pendingGas = gas;
    pendingStaticCost = gasCost;
    pendingRefund = refund;
  }

  /**
   * The pending instruction's cost is the gas the frame lost to it, less a CREATE's gas for its
   * child; after an exceptional halt (all gas consumed) it is the static cost, and the line
   * carries the error.
   */
  @Override
  public void onFrameExit(long gasLeft, long createGas, long refund, String error) {
    if (!pending.isEmpty()) {
      writePending(error != null ? pendingStaticCost : pendingGas - gasLeft - createGas, refund, error);
    }
  }

  private void writePending(long cost, long refund, String error) {
    StringBuilder sb = line;
    sb.setLength(0);
    sb.append(pending).append("\",\"gasCost\":\"").append(Hex.shortHex(cost)).append(pendingTail)
        .append(refund).append(",\"opName\":\"").append(pendingOpName).append('"');
    if (error != null) {
      sb.append(",\"error\":");
      appendJsonString(sb, error);
    }
    sb.append('}');
    out.println(sb);
    pending.setLength(0);
    pendingTail.setLength(0);
  }

  @Override
  public void line(String json) {
    out.println(json);
  }

  @Override
  public void onTransactionEnd(byte[] output, long gasUsed, String error) {
    if (!pending.isEmpty()) {
      writePending(pendingStaticCost, pendingRefund, null);
    }
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
