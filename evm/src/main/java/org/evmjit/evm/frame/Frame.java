package org.evmjit.evm.frame;

import org.evmjit.evm.crypto.KeccakMemo;
import org.evmjit.evm.tx.ExecutionStatus;
import org.evmjit.evm.word.Address;
import org.evmjit.evm.word.Word;

/**
 * One execution context: code, operand stack, memory and gas of a call or create. Engines run a
 * frame until it finishes ({@link #DONE}, with {@link #status} set) or suspends to run a child
 * ({@link #SUSPEND}, with {@link #pending} set and {@link #pc} already at the next instruction);
 * the executor runs children in a loop, so EVM call depth never becomes Java stack depth.
 *
 * <p>The operand stack holds {@link #sp} words in {@link #stack}: word {@code i} (0 = bottom)
 * occupies limbs {@code 4i..4i+3}, least significant first, as {@code Uint256} expects.
 */
public final class Frame {
  public static final int MAX_STACK = 1024;
  public static final int CONTINUE = 0;
  public static final int DONE = 1;
  public static final int SUSPEND = 2;
  static final byte[] EMPTY = new byte[0];

  public final CallKind kind;
  public final Address address;
  public final Address caller;
  public final Address codeAddress;
  public final Word value;
  public final byte[] input;
  public final Code code;
  public final boolean isStatic;
  /** 0 for the outermost frame. */
  public final int depth;

  public int pc;
  public int sp;
  public long gas;
  public final long[] stack;
  public final Memory memory = new Memory();
  /** Output of the last child frame (RETURNDATASIZE / RETURNDATACOPY). */
  public byte[] returnData = EMPTY;

  public ExecutionStatus status;
  public HaltReason haltReason;
  public byte[] output = EMPTY;

  /** The child this frame waits for, while suspended. */
  public Message pending;
  /** Journal position when the frame started, to undo it on revert or halt. */
  public int snapshot;
  /** The frame's recent 64-byte KECCAK256 inputs and hashes; made at its first such hash. */
  public KeccakMemo keccakMemo;

  public Frame(CallKind kind, Address address, Address caller, Address codeAddress, Word value,
      byte[] input, Code code, boolean isStatic, int depth, long gas, long[] stack) {
    this.kind = kind;
    this.address = address;
    this.caller = caller;
    this.codeAddress = codeAddress;
    this.value = value;
    this.input = input;
    this.code = code;
    this.isStatic = isStatic;
    this.depth = depth;
    this.gas = gas;
    this.stack = stack;
  }

  /** Ends the frame successfully (STOP, RETURN, SELFDESTRUCT) with {@code output}. */
  public int succeed(byte[] out) {
    status = ExecutionStatus.SUCCESS;
    output = out;
    return DONE;
  }

  /** Ends the frame with REVERT: remaining gas kept, state undone by the executor. */
  public int revert(byte[] out) {
    status = ExecutionStatus.REVERT;
    output = out;
    return DONE;
  }

  /** Ends the frame exceptionally: all gas consumed, state undone by the executor. */
  public int halt(HaltReason reason) {
    status = ExecutionStatus.HALT;
    haltReason = reason;
    gas = 0;
    output = EMPTY;
    return DONE;
  }

  /** Pushes a small value. */
  public void push(long value) {
    int o = sp << 2;
    stack[o] = value;
    stack[o + 1] = 0;
    stack[o + 2] = 0;
    stack[o + 3] = 0;
    sp++;
  }

  public void push(Word w) {
    w.toLimbs(stack, sp << 2);
    sp++;
  }

  public void push(Address a) {
    a.toLimbs(stack, sp << 2);
    sp++;
  }

  /** Limb offset of stack item {@code n} counted from the top (0 = top). */
  public int offsetFromTop(int n) {
    return (sp - 1 - n) << 2;
  }
}
