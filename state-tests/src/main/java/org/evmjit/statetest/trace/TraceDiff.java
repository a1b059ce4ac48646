package org.evmjit.statetest.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.evmjit.evm.trace.Tracer;
import org.evmjit.statetest.runner.DifferentialExecutor;
import org.evmjit.statetest.runner.Entry;
import org.evmjit.statetest.runner.EntryEngine;
import org.evmjit.statetest.runner.Outcome;

/**
 * {@code --trace-diff A,B}: runs each entry on two engines with EIP-3155 traces and fails it at
 * the first trace line that differs, printing both lines; then the results must agree as in
 * {@code --engine A,B}. Compared per instruction: pc, op, gas, gasCost, memSize, stack, depth,
 * refund, opName; on the summary line: output, gasUsed, and whether there is an error. Left out
 * (see the README): the per-line {@code error} (ethereumjs's step events have none), the gasCost
 * of calls (geth's, and evmjit's, counts the gas passed to the callee; ethereumjs's does not: the
 * callee's first line and the caller's next line still check that gas), a STOP line that one
 * trace has and the other not (geth and evmjit trace the STOP of code that ends without one,
 * ethereumjs does not), the
 * gasCost of the instruction that halts exceptionally (evmjit gives its static cost; the whole
 * cost is known only to the engine that computed it before failing) and its op and opName
 * (ethereumjs reports an undefined opcode as INVALID, 0xfe) and refund, a halting line that one
 * trace has and the other not (ethereumjs does not trace an instruction that fails in its gas
 * computation with a stack underflow or a memory size overflow), the refund of a SELFDESTRUCT
 * line (geth and evmjit count its refund there, ethereumjs from the next line), and the wording
 * of errors.
 */
public final class TraceDiff implements EntryEngine {
  static final List<String> STEP_FIELDS =
      List.of("pc", "op", "gas", "gasCost", "memSize", "stack", "depth", "refund", "opName");
  private static final Set<String> SUMMARY_FIELDS = Set.of("output", "gasUsed");
  /** CALL, CALLCODE, DELEGATECALL, STATICCALL: geth's gasCost counts the gas passed to the callee, ethereumjs's does not. */
  private static final Set<Integer> CALLS = Set.of(0xf1, 0xf2, 0xf4, 0xfa);
  /** On the line of an instruction that halts exceptionally: ethereumjs names an undefined opcode INVALID (0xfe). */
  private static final Set<String> HALT_LEFT_OUT = Set.of("gasCost", "op", "opName", "refund");
  /** SELFDESTRUCT: geth (and evmjit) count its refund (before London) on its own line, ethereumjs on the next. */
  private static final int SELFDESTRUCT = 0xff;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final EntryEngine a;
  private final EntryEngine b;

  public TraceDiff(EntryEngine a, EntryEngine b) {
    this.a = a;
    this.b = b;
  }

  @Override
  public String name() {
    return a.name() + "~" + b.name();
  }

  @Override
  public Outcome run(Entry entry, Tracer ignored) throws Exception {
    Traced ta = traced(a, entry);
    Traced tb = traced(b, entry);
    String diff = firstDifference(ta.lines(), tb.lines());
    if (diff != null) {
      throw new DifferentialExecutor.Divergence("trace divergence (" + a.name() + " vs " + b.name() + ") " + diff);
    }
    String outcomeDiff = ta.outcome().firstDifference(tb.outcome());
    if (outcomeDiff != null) {
      throw new DifferentialExecutor.Divergence("divergence (" + a.name() + " vs " + b.name() + ") in " + outcomeDiff);
    }
    return ta.outcome();
  }

  private record Traced(Outcome outcome, List<String> lines) {}

  private static Traced traced(EntryEngine engine, Entry entry) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Eip3155Tracer tracer = new Eip3155Tracer(new PrintStream(bytes, false, StandardCharsets.UTF_8));
    Outcome outcome = engine.run(entry, tracer);
    return new Traced(outcome, bytes.toString(StandardCharsets.UTF_8).lines().toList());
  }

  /** "at line N: field: a vs b" with both lines, or null when the traces agree on the compared fields. */
  static String firstDifference(List<String> a, List<String> b) throws JsonProcessingException {
    int i = 0;
    int j = 0;
    while (i < a.size() && j < b.size()) {
      JsonNode la = MAPPER.readTree(a.get(i));
      JsonNode lb = MAPPER.readTree(b.get(j));
      String field = differingField(la, lb);
      if (field == null) {
        i++;
        j++;
      } else if (isStop(la) && (!isStop(lb) || depth(la) > depth(lb))) {
        i++; // the STOP of code that ends without one: geth and evmjit trace it, ethereumjs does not
      } else if (isStop(lb) && (!isStop(la) || depth(lb) > depth(la))) {
        j++;
      } else if (la.has("error") && endsBefore(la, lb)) {
        i++; // a halting instruction ethereumjs does not trace (stack underflow or memory overflow in its gas computation)
      } else if (lb.has("error") && endsBefore(lb, la)) {
        j++;
      } else {
        return "at line " + (i + 1) + " in " + field + ": " + la.get(field) + " vs " + lb.get(field)
            + "\n  " + a.get(i) + "\n  " + b.get(j);
      }
    }
    if (i < a.size() || j < b.size()) {
      return "in length: " + a.size() + " vs " + b.size() + " lines; the longer goes on with\n  "
          + (i < a.size() ? a.get(i) : b.get(j));
    }
    return null;
  }

  /** {@code other} is the summary line or a line of an outer frame: {@code halting}'s frame ended there. */
  private static boolean endsBefore(JsonNode halting, JsonNode other) {
    return !other.has("pc") || depth(other) < depth(halting);
  }

  private static int depth(JsonNode line) {
    return line.path("depth").asInt();
  }

  private static boolean isStop(JsonNode line) {
    return line.has("pc") && line.path("op").asInt() == 0;
  }

  private static String differingField(JsonNode a, JsonNode b) {
    boolean stepA = a.has("pc");
    if (stepA != b.has("pc")) {
      return stepA ? "pc" : "output";
    }
    if (!stepA) {
      for (String f : SUMMARY_FIELDS) {
        if (!Objects.equals(a.get(f), b.get(f))) {
          return f;
        }
      }
      return a.path("error").isNull() != b.path("error").isNull() ? "error" : null;
    }
    boolean halted = a.has("error") || b.has("error");
    boolean call = CALLS.contains(a.path("op").asInt());
    for (String f : STEP_FIELDS) {
      if ((halted && HALT_LEFT_OUT.contains(f)) || (call && f.equals("gasCost"))
          || (a.path("op").asInt() == SELFDESTRUCT && f.equals("refund"))) {
        continue;
      }
      if (!Objects.equals(a.get(f), b.get(f))) {
        return f;
      }
    }
    return null;
  }
}
