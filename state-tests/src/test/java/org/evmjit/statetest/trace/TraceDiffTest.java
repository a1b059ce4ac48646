package org.evmjit.statetest.trace;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TraceDiffTest {
  private static String step(int pc, int op, String gas, String cost, int depth, int refund, String extra) {
    return "{\"pc\":" + pc + ",\"op\":" + op + ",\"gas\":\"" + gas + "\",\"gasCost\":\"" + cost
        + "\",\"memSize\":0,\"stack\":[],\"depth\":" + depth + ",\"refund\":" + refund + ",\"opName\":\"X\"" + extra + "}";
  }

  private static final String END = "{\"output\":\"\",\"gasUsed\":\"0x5208\",\"error\":null}";

  @Test
  void equalTracesAgreeAndTheFirstDifferingFieldIsNamed() throws Exception {
    List<String> a = List.of(step(0, 0x60, "0x10", "0x3", 1, 0, ""), END);
    assertNull(TraceDiff.firstDifference(a, a));
    List<String> b = List.of(step(0, 0x60, "0x10", "0x5", 1, 0, ""), END);
    String diff = TraceDiff.firstDifference(a, b);
    assertTrue(diff.startsWith("at line 1 in gasCost: \"0x3\" vs \"0x5\""), diff);
  }

  @Test
  void fieldsEthereumJsDefinesDifferentlyAreLeftOut() throws Exception {
    List<String> evmjit = List.of(
        step(0, 0xf1, "0x100", "0x80", 1, 0, ""), // CALL: the callee's gas counted
        step(0, 0x60, "0x7f", "0x3", 2, 0, ""),
        step(2, 0x00, "0x7c", "0x0", 2, 0, ""), // the STOP of code that ends without one
        step(1, 0x5f, "0x80", "0x2", 1, 0, ",\"error\":\"invalid opcode\""), END);
    List<String> ethereumjs = List.of(
        step(0, 0xf1, "0x100", "0x2", 1, 0, ""),
        step(0, 0x60, "0x7f", "0x3", 2, 0, ""),
        step(1, 0xfe, "0x80", "0x0", 1, 0, ""), END);
    assertNull(TraceDiff.firstDifference(evmjit, ethereumjs));
  }

  @Test
  void aMissingOrExtraOrdinaryLineIsADifference() throws Exception {
    List<String> a = List.of(step(0, 0x60, "0x10", "0x3", 1, 0, ""), step(2, 0x01, "0xd", "0x3", 1, 0, ""), END);
    List<String> b = List.of(step(0, 0x60, "0x10", "0x3", 1, 0, ""), END);
    String diff = TraceDiff.firstDifference(a, b);
    assertTrue(diff.startsWith("at line 2 in pc"), diff);
  }
}
