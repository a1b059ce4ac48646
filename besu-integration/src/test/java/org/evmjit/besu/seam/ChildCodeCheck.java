package org.evmjit.besu.seam;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.frame.Frame;
import org.evmjit.evm.frame.Message;
import org.evmjit.evm.host.Host;
import org.evmjit.evm.precompile.Precompiles;
import org.evmjit.evm.word.Address;

/**
 * Checks {@link ChildCode} against evmjit's executor, the node of the seam tests: for every call a
 * compiled frame hands to the node, the code that {@link ChildCode} names (as {@code BesuChildren}
 * loads it: the source account's code, none for a precompile delegate) must be the code the
 * executor then runs in the child. The executor runs the child right after the request (its frame
 * is the next segment) or, when the child has no code to run (no code, a precompile), resumes the
 * parent at once: then the named code must be empty.
 *
 * <p>Assumes one transaction at a time on one thread, and that every segment the node runs passes
 * through {@link #segment} (as {@link SeamEngine} does).
 */
final class ChildCodeCheck {
  private static final byte[] NONE = new byte[0];

  private Frame parent;
  private Message request;
  private byte[] expected;
  private long calls;
  private long delegated;
  private final List<String> mismatches = new ArrayList<>();

  /** A compiled frame's request is handed to the node: what {@link ChildCode} says its child runs. */
  void started(Frame parent, Message request, Host host) {
    if (request.kind().isCreate()) {
      return;
    }
    Fork fork = host.fork();
    Predicate<Address> precompiles = a -> Precompiles.get(a, fork) != null;
    Address callee = request.codeAddress();
    byte[] code = NONE; // a precompile runs no code
    if (!precompiles.test(callee)) {
      Address source = ChildCode.source(fork, callee, host.code(callee), precompiles);
      if (!callee.equals(source)) {
        delegated++;
      }
      code = source == null ? NONE : host.code(source).bytes();
    }
    this.parent = parent;
    this.request = request;
    this.expected = code;
    calls++;
  }

  /** The node runs a segment: if a call was just handed over, this is its child or its resumed parent. */
  void segment(Frame frame) {
    if (expected == null) {
      return;
    }
    boolean resumedParent = frame == parent;
    byte[] ran = resumedParent ? NONE : frame.code.bytes();
    String where = request.kind() + " to " + request.codeAddress() + " at depth " + request.depth();
    if (!resumedParent && (frame.pc != 0 || frame.depth != request.depth())) {
      mismatches.add(where + ": the next segment is neither its child nor its parent");
    } else if (!Arrays.equals(expected, ran)) {
      HexFormat hex = HexFormat.of();
      mismatches.add(where + ": ChildCode names code " + hex.formatHex(expected) + ", the executor ran "
          + hex.formatHex(ran));
    }
    parent = null;
    request = null;
    expected = null;
  }

  /** Mismatches since the last call, then forgotten. */
  List<String> takeMismatches() {
    List<String> out = List.copyOf(mismatches);
    mismatches.clear();
    return out;
  }

  /** Calls checked so far. */
  long calls() {
    return calls;
  }

  /** Of those, calls whose callee delegates (from Prague). */
  long delegated() {
    return delegated;
  }
}
