package org.evmjit.evm.interpreter;

import static org.evmjit.evm.opcode.Opcodes.*;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.evmjit.evm.crypto.Keccak;
import org.evmjit.evm.crypto.KeccakMemo;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.fork.GasSchedule;
import org.evmjit.evm.frame.CallKind;
import org.evmjit.evm.frame.Frame;
import org.evmjit.evm.frame.HaltReason;
import org.evmjit.evm.frame.Message;
import org.evmjit.evm.host.Host;
import org.evmjit.evm.state.Delegation;
import org.evmjit.evm.word.Address;
import org.evmjit.evm.word.Uint256;
import org.evmjit.evm.word.Word;

/**
 * The meaning of every instruction that is not inlined in the interpreter loop: one static
 * method each, called by the interpreter and by compiled code alike, so the engines cannot drift.
 *
 * <p>Contract: the caller has checked the stack (inputs present, room for outputs), charged the
 * static gas and stored {@code pc} (already advanced past the instruction), {@code sp} and
 * {@code gas} in the frame. A method charges dynamic gas, updates the frame and returns
 * {@link Frame#CONTINUE}, {@link Frame#DONE} (the frame ended; for a halt via
 * {@link Frame#halt}) or {@link Frame#SUSPEND} (a CALL or CREATE left a {@link Message} in
 * {@code frame.pending}).
 */
public final class Instructions {
  public static final byte[] NO_OUTPUT = new byte[0];
  private static final int CONTINUE = Frame.CONTINUE;
  private static final VarHandle LONG_BE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private Instructions() {}

  /** Dispatch for the interpreter's out-of-line instructions. */
  public static int execute(int op, Frame f, Host h) {
    return switch (op) {
      case EXP -> exp(f, h);
      case KECCAK256 -> keccak256(f);
      case BALANCE -> balance(f, h);
      case ORIGIN -> pushAddress(f, h.tx().origin());
      case CALLDATACOPY -> copyToMemory(f, f.input);
      case CODESIZE -> pushLong(f, f.code.size());
      case CODECOPY -> copyToMemory(f, f.code.bytes());
      case GASPRICE -> pushWord(f, h.tx().gasPrice());
      case EXTCODESIZE -> extCodeSize(f, h);
      case EXTCODECOPY -> extCodeCopy(f, h);
      case RETURNDATASIZE -> pushLong(f, f.returnData.length);
      case RETURNDATACOPY -> returnDataCopy(f);
      case EXTCODEHASH -> extCodeHash(f, h);
      case BLOCKHASH -> blockHash(f, h);
      case COINBASE -> pushAddress(f, h.block().coinbase());
      case TIMESTAMP -> pushLong(f, h.block().timestamp());
      case NUMBER -> pushLong(f, h.block().number());
      case PREVRANDAO -> pushWord(f, h.fork().isAtLeast(Fork.PARIS) ? h.block().prevRandao() : h.block().difficulty());
      case GASLIMIT -> pushLong(f, h.block().gasLimit());
      case CHAINID -> pushWord(f, h.tx().chainId());
      case SELFBALANCE -> pushWord(f, h.balance(f.address));
      case BASEFEE -> pushWord(f, h.block().baseFee());
      case BLOBHASH -> blobHash(f, h);
      case BLOBBASEFEE -> pushWord(f, h.tx().blobBaseFee());
      case SLOAD -> sload(f, h);
      case SSTORE -> sstore(f, h);
      case TLOAD -> tload(f, h);
      case TSTORE -> tstore(f, h);
      case MCOPY -> mcopy(f);
      case LOG0, LOG0 + 1, LOG0 + 2, LOG0 + 3, LOG4 -> log(f, h, op - LOG0);
      case CREATE -> create(f, h, CallKind.CREATE);
      case CREATE2 -> create(f, h, CallKind.CREATE2);
      case CALL -> call(f, h, CallKind.CALL);
      case CALLCODE -> call(f, h, CallKind.CALLCODE);
      case DELEGATECALL -> call(f, h, CallKind.DELEGATECALL);
      case STATICCALL -> call(f, h, CallKind.STATICCALL);
      case RETURN -> returnOrRevert(f, false);
      case REVERT -> returnOrRevert(f, true);
      case SELFDESTRUCT -> selfDestruct(f, h);
      default -> f.halt(HaltReason.INVALID_OPCODE);
    };
  }

  // ---- helpers shared with the loop ----

  /** Reads PUSHn's immediate: {@code n} bytes at {@code start}, zero-filled past the code's end. */
  public static void push(long[] s, int o, byte[] code, int start, int n) {
    long w0 = 0, w1 = 0, w2 = 0, w3 = 0;
    for (int i = 0; i < n; i++) {
      int at = start + i;
      long b = at < code.length ? code[at] & 0xFF : 0;
      int bit = (n - 1 - i) << 3;
      switch (bit >>> 6) {
        case 0 -> w0 |= b << bit;
        case 1 -> w1 |= b << (bit - 64);
        case 2 -> w2 |= b << (bit - 128);
        default -> w3 |= b << (bit - 192);
      }
    }
    s[o] = w0;
    s[o + 1] = w1;
    s[o + 2] = w2;
    s[o + 3] = w3;
  }

  public static void swap(long[] s, int a, int b) {
    for (int i = 0; i < 4; i++) {
      long x = s[a + i];
      s[a + i] = s[b + i];
      s[b + i] = x;
    }
  }

  /** True when the word at {@code o} is a valid JUMPDEST of the frame's code. */
  public static boolean isJumpTarget(Frame f, long[] s, int o) {
    return (s[o + 1] | s[o + 2] | s[o + 3]) == 0 && f.code.isJumpDest(s[o]);
  }

  /**
   * CALLDATALOAD: replaces the offset at {@code o} with 32 bytes of input, zero-padded. When all 32
   * bytes are input (a call's arguments), they are read as four big-endian longs; otherwise byte by
   * byte, each into its limb, the rest staying zero.
   */
  public static void callDataLoad(byte[] input, long[] s, int o) {
    long offset = (s[o + 1] | s[o + 2] | s[o + 3]) != 0 || s[o] < 0 ? Long.MAX_VALUE : s[o];
    if (offset <= input.length - 32L) {
      int start = (int) offset;
      s[o] = (long) LONG_BE.get(input, start + 24);
      s[o + 1] = (long) LONG_BE.get(input, start + 16);
      s[o + 2] = (long) LONG_BE.get(input, start + 8);
      s[o + 3] = (long) LONG_BE.get(input, start);
      return;
    }
    s[o] = 0;
    s[o + 1] = 0;
    s[o + 2] = 0;
    s[o + 3] = 0;
    for (long at = offset; at < input.length; at++) { // fewer than 32 bytes left
      int bit = (31 - (int) (at - offset)) << 3;
      s[o + (bit >>> 6)] |= (input[(int) at] & 0xFFL) << (bit & 63);
    }
  }

  private static int pushLong(Frame f, long v) {
    f.push(v);
    return CONTINUE;
  }

  private static int pushWord(Frame f, Word w) {
    f.push(w);
    return CONTINUE;
  }

  private static int pushAddress(Frame f, Address a) {
    f.push(a);
    return CONTINUE;
  }

  /** Charges {@code cost}; false (and the frame halted) when the gas is not there. */
  private static boolean charge(Frame f, long cost) {
    if (cost < 0 || f.gas < cost) {
      f.halt(HaltReason.OUT_OF_GAS);
      return false;
    }
    f.gas -= cost;
    return true;
  }

  /** Expands memory for {@code [offset, offset+length)}, charging for it. */
  private static boolean expand(Frame f, long offset, long length) {
    long left = MemoryGas.expand(f, f.gas, offset, length);
    if (left < 0) {
      f.halt(HaltReason.OUT_OF_GAS);
      return false;
    }
    f.gas = left;
    return true;
  }

  private static Word popWord(Frame f) {
    f.sp--;
    return Word.fromLimbs(f.stack, f.sp << 2);
  }

  private static Address popAddress(Frame f) {
    f.sp--;
    return Address.fromLimbs(f.stack, f.sp << 2);
  }

  private static long popMemoryOperand(Frame f) {
    f.sp--;
    return MemoryGas.operand(f.stack, f.sp << 2);
  }

  /** EIP-2929: the cold-access surcharge for an account, warming it. */
  private static long accountAccessSurcharge(Host h, Address a) {
    GasSchedule g = h.gas();
    return g.accessLists && h.warmAccount(a) ? g.coldAccountSurcharge : 0;
  }

  /**
   * EIP-7702: when {@code target}'s code is a delegation designator, the call runs the delegate's
   * code (the executor resolves it) and pays for accessing the delegate: the full cold cost, or
   * the warm read cost, warming it.
   */
  private static long delegationAccessCost(Host h, Address target) {
    if (!h.fork().isAtLeast(Fork.PRAGUE)) {
      return 0;
    }
    Address delegate = Delegation.target(h.code(target));
    if (delegate == null) {
      return 0;
    }
    GasSchedule g = h.gas();
    return h.warmAccount(delegate) ? g.coldAccountSurcharge + g.warmReadCost : g.warmReadCost;
  }

  // ---- arithmetic and hashing ----

  public static int exp(Frame f, Host h) {
    long[] s = f.stack;
    int t = (f.sp - 1) << 2;
    if (!charge(f, h.gas().expByte * Uint256.byteLength(s, t - 4))) {
      return Frame.DONE;
    }
    Uint256.exp(s, t, t - 4);
    f.sp--;
    return CONTINUE;
  }

  public static int keccak256(Frame f) {
    long offset = popMemoryOperand(f);
    long length = popMemoryOperand(f);
    if (length != MemoryGas.TOO_BIG && !charge(f, 6 * MemoryGas.words(length))) {
      return Frame.DONE;
    }
    if (!expand(f, offset, length)) {
      return Frame.DONE;
    }
    if (length == KeccakMemo.INPUT_BYTES) {
      if (f.keccakMemo == null) {
        f.keccakMemo = new KeccakMemo();
      }
      f.keccakMemo.hash64(f.memory.array(), (int) offset, f.stack, f.sp << 2);
    } else {
      Keccak.hash(f.memory.array(), (int) offset, (int) length, f.stack, f.sp << 2);
    }
    f.sp++;
    return CONTINUE;
  }

  // ---- accounts and code ----

  public static int balance(Frame f, Host h) {
    Address a = popAddress(f);
    if (!charge(f, accountAccessSurcharge(h, a))) {
      return Frame.DONE;
    }
    f.push(h.balance(a));
    return CONTINUE;
  }

  public static int extCodeSize(Frame f, Host h) {
    Address a = popAddress(f);
    if (!charge(f, accountAccessSurcharge(h, a))) {
      return Frame.DONE;
    }
    f.push(h.code(a).size());
    return CONTINUE;
  }

  public static int extCodeHash(Frame f, Host h) {
    Address a = popAddress(f);
    if (!charge(f, accountAccessSurcharge(h, a))) {
      return Frame.DONE;
    }
    f.push(h.isDead(a) ? Word.ZERO : Word.fromBytes(h.code(a).hash()));
    return CONTINUE;
  }

  /** CALLDATACOPY and CODECOPY: dest, source offset, length; zero-filled past the source's end. */
  public static int copyToMemory(Frame f, byte[] source) {
    long dest = popMemoryOperand(f);
    f.sp--;
    long from = sourceOffset(f.stack, f.sp << 2);
    long length = popMemoryOperand(f);
    return copy(f, source, dest, from, length);
  }

  public static int extCodeCopy(Frame f, Host h) {
    Address a = popAddress(f);
    long dest = popMemoryOperand(f);
    f.sp--;
    long from = sourceOffset(f.stack, f.sp << 2);
    long length = popMemoryOperand(f);
    if (!charge(f, accountAccessSurcharge(h, a))) {
      return Frame.DONE;
    }
    return copy(f, h.code(a).bytes(), dest, from, length);
  }

  private static int copy(Frame f, byte[] source, long dest, long from, long length) {
    if (length != MemoryGas.TOO_BIG && !charge(f, 3 * MemoryGas.words(length))) {
      return Frame.DONE;
    }
    if (!expand(f, dest, length)) {
      return Frame.DONE;
    }
    f.memory.copyFrom(source, from, (int) dest, (int) length);
    return CONTINUE;
  }

  /** A source offset into code or data: huge values read as past the end. */
  private static long sourceOffset(long[] s, int o) {
    return (s[o + 1] | s[o + 2] | s[o + 3]) != 0 || s[o] < 0 ? Long.MAX_VALUE : s[o];
  }

  public static int returnDataCopy(Frame f) {
    long dest = popMemoryOperand(f);
    f.sp--;
    long from = sourceOffset(f.stack, f.sp << 2);
    long length = popMemoryOperand(f);
    if (length != MemoryGas.TOO_BIG && !charge(f, 3 * MemoryGas.words(length))) {
      return Frame.DONE;
    }
    if (!expand(f, dest, length)) {
      return Frame.DONE;
    }
    if (from == Long.MAX_VALUE || from + length > f.returnData.length) {
      return f.halt(HaltReason.RETURN_DATA_OUT_OF_BOUNDS);
    }
    f.memory.copyFrom(f.returnData, from, (int) dest, (int) length);
    return CONTINUE;
  }

  public static int mcopy(Frame f) {
    long dest = popMemoryOperand(f);
    long from = popMemoryOperand(f);
    long length = popMemoryOperand(f);
    if (length != MemoryGas.TOO_BIG && !charge(f, 3 * MemoryGas.words(length))) {
      return Frame.DONE;
    }
    if (length != 0 && !expand(f, Math.max(dest, from), length)) {
      return Frame.DONE;
    }
    if (length != 0) {
      f.memory.move((int) from, (int) dest, (int) length);
    }
    return CONTINUE;
  }

  // ---- block ----

  public static int blockHash(Frame f, Host h) {
    f.push(h.blockHash(popWord(f)));
    return CONTINUE;
  }

  public static int blobHash(Frame f, Host h) {
    Word index = popWord(f);
    var hashes = h.tx().blobHashes();
    f.push(index.fitsLong() && index.w0() < hashes.size() ? hashes.get((int) index.w0()) : Word.ZERO);
    return CONTINUE;
  }

  // ---- storage ----

  public static int sload(Frame f, Host h) {
    Word key = popWord(f);
    GasSchedule g = h.gas();
    if (g.accessLists && h.warmSlot(f.address, key) && !charge(f, g.coldSloadSurcharge)) {
      return Frame.DONE;
    }
    f.push(h.storage(f.address, key));
    return CONTINUE;
  }

  public static int sstore(Frame f, Host h) {
    if (f.isStatic) {
      return f.halt(HaltReason.STATIC_STATE_CHANGE);
    }
    GasSchedule g = h.gas();
    if (g.sstoreSentry > 0 && f.gas <= g.sstoreSentry) {
      return f.halt(HaltReason.OUT_OF_GAS);
    }
    Word key = popWord(f);
    Word value = popWord(f);
    long cost = g.accessLists && h.warmSlot(f.address, key) ? g.coldSloadCost : 0;
    Word current = h.storage(f.address, key);
    long refund = 0;
    if (g.sstoreRule == GasSchedule.SstoreRule.CLASSIC) {
      cost += current.isZero() && !value.isZero() ? g.sstoreSet : g.sstoreReset;
      if (!current.isZero() && value.isZero()) {
        refund = g.sstoreClearRefund;
      }
    } else if (current.equals(value)) {
      cost += g.sstoreDirty;
    } else {
      Word original = h.originalStorage(f.address, key);
      if (original.equals(current)) {
        cost += original.isZero() ? g.sstoreSet : g.sstoreReset;
        if (value.isZero()) {
          refund = g.sstoreClearRefund;
        }
      } else {
        cost += g.sstoreDirty;
        if (!original.isZero()) {
          if (current.isZero()) {
            refund -= g.sstoreClearRefund;
          } else if (value.isZero()) {
            refund += g.sstoreClearRefund;
          }
        }
        if (original.equals(value)) {
          refund += (original.isZero() ? g.sstoreSet : g.sstoreReset) - g.sstoreDirty;
        }
      }
    }
    if (!charge(f, cost)) {
      return Frame.DONE;
    }
    h.addRefund(refund);
    h.setStorage(f.address, key, value);
    return CONTINUE;
  }

  public static int tload(Frame f, Host h) {
    f.push(h.transientStorage(f.address, popWord(f)));
    return CONTINUE;
  }

  public static int tstore(Frame f, Host h) {
    if (f.isStatic) {
      return f.halt(HaltReason.STATIC_STATE_CHANGE);
    }
    Word key = popWord(f);
    Word value = popWord(f);
    h.setTransientStorage(f.address, key, value);
    return CONTINUE;
  }

  // ---- logs and ending ----

  public static int log(Frame f, Host h, int topicCount) {
    if (f.isStatic) {
      return f.halt(HaltReason.STATIC_STATE_CHANGE);
    }
    long offset = popMemoryOperand(f);
    long length = popMemoryOperand(f);
    Word[] topics = new Word[topicCount];
    for (int i = 0; i < topicCount; i++) {
      topics[i] = popWord(f);
    }
    if (length != MemoryGas.TOO_BIG && !charge(f, 8 * length)) {
      return Frame.DONE;
    }
    if (!expand(f, offset, length)) {
      return Frame.DONE;
    }
    h.emitLog(f.address, topics, f.memory.read((int) offset, (int) length));
    return CONTINUE;
  }

  public static int returnOrRevert(Frame f, boolean revert) {
    long offset = popMemoryOperand(f);
    long length = popMemoryOperand(f);
    if (!expand(f, offset, length)) {
      return Frame.DONE;
    }
    byte[] out = length == 0 ? NO_OUTPUT : f.memory.read((int) offset, (int) length);
    return revert ? f.revert(out) : f.succeed(out);
  }

  public static int selfDestruct(Frame f, Host h) {
    if (f.isStatic) {
      return f.halt(HaltReason.STATIC_STATE_CHANGE);
    }
    Address beneficiary = popAddress(f);
    GasSchedule g = h.gas();
    long cost = 0;
    if (g.accessLists && h.warmAccount(beneficiary)) {
      cost += g.coldAccountSurcharge + 100; // EIP-2929: the full cold cost; SELFDESTRUCT has no warm part
    }
    if (g.selfdestructNewAccount > 0) {
      // EIP-150 charges for creating the beneficiary; EIP-161 only when value actually moves to a dead one
      boolean newAccount = h.fork().isAtLeast(Fork.SPURIOUS_DRAGON)
          ? h.isDead(beneficiary) && !h.balance(f.address).isZero()
          : !h.exists(beneficiary);
      if (newAccount) {
        cost += g.selfdestructNewAccount;
      }
    }
    if (!charge(f, cost)) {
      return Frame.DONE;
    }
    h.selfDestruct(f.address, beneficiary);
    return f.succeed(NO_OUTPUT);
  }

  // ---- calls and creates: they suspend the frame ----

  public static int call(Frame f, Host h, CallKind kind) {
    GasSchedule g = h.gas();
    Word requested = popWord(f);
    Address target = popAddress(f);
    Word value = kind == CallKind.CALL || kind == CallKind.CALLCODE ? popWord(f) : Word.ZERO;
    long inOffset = popMemoryOperand(f);
    long inLength = popMemoryOperand(f);
    long outOffset = popMemoryOperand(f);
    long outLength = popMemoryOperand(f);

    if (!charge(f, accountAccessSurcharge(h, target) + delegationAccessCost(h, target))) {
      return Frame.DONE;
    }
    if (!expand(f, inOffset, inLength) || !expand(f, outOffset, outLength)) {
      return Frame.DONE;
    }
    boolean transfers = !value.isZero();
    if (kind == CallKind.CALL && transfers && f.isStatic) {
      return f.halt(HaltReason.STATIC_STATE_CHANGE);
    }
    long cost = transfers ? g.callValueTransfer : 0;
    if (kind == CallKind.CALL) {
      boolean newAccount = h.fork().isAtLeast(Fork.SPURIOUS_DRAGON)
          ? transfers && h.isDead(target)
          : !h.exists(target);
      if (newAccount) {
        cost += g.callNewAccount;
      }
    }
    if (!charge(f, cost)) {
      return Frame.DONE;
    }
    long gasForChild = childGas(f, g, requested);
    if (gasForChild < 0) {
      return f.halt(HaltReason.OUT_OF_GAS);
    }
    f.gas -= gasForChild;
    if (transfers) {
      gasForChild += g.callStipend;
    }
    byte[] input = f.memory.read((int) (inLength == 0 ? 0 : inOffset), (int) inLength);
    Address caller = kind == CallKind.DELEGATECALL ? f.caller : f.address;
    Address recipient = kind == CallKind.CALLCODE || kind == CallKind.DELEGATECALL ? f.address : target;
    Word passedValue = kind == CallKind.DELEGATECALL ? f.value : value;
    boolean isStatic = f.isStatic || kind == CallKind.STATICCALL;
    f.pending = new Message(kind, caller, recipient, target, passedValue, input, gasForChild,
        isStatic, f.depth + 1, null, outLength == 0 ? 0 : outOffset, outLength);
    return Frame.SUSPEND;
  }

  /**
   * The gas a call passes on: from Tangerine Whistle all but one 64th of what is left, capped by
   * the request (EIP-150); before it, the request itself, which must be available (-1 if not).
   */
  private static long childGas(Frame f, GasSchedule g, Word requested) {
    if (g.allButOne64th) {
      long cap = f.gas - f.gas / 64;
      return requested.fitsLong() ? Math.min(requested.w0(), cap) : cap;
    }
    if (!requested.fitsLong() || requested.w0() > f.gas) {
      return -1;
    }
    return requested.w0();
  }

  public static int create(Frame f, Host h, CallKind kind) {
    if (f.isStatic) {
      return f.halt(HaltReason.STATIC_STATE_CHANGE);
    }
    GasSchedule g = h.gas();
    Word value = popWord(f);
    long offset = popMemoryOperand(f);
    long length = popMemoryOperand(f);
    Word salt = kind == CallKind.CREATE2 ? popWord(f) : null;
    if (g.maxInitcodeSize > 0 && length > g.maxInitcodeSize) {
      return f.halt(HaltReason.INITCODE_SIZE_EXCEEDED);
    }
    if (!expand(f, offset, length)) {
      return Frame.DONE;
    }
    long words = MemoryGas.words(length);
    long cost = g.initcodePerWord * words + (kind == CallKind.CREATE2 ? 6 * words : 0);
    if (!charge(f, cost)) {
      return Frame.DONE;
    }
    byte[] initcode = f.memory.read((int) (length == 0 ? 0 : offset), (int) length);
    long gasForChild = g.allButOne64th ? f.gas - f.gas / 64 : f.gas;
    f.gas -= gasForChild;
    f.pending = new Message(kind, f.address, null, null, value, initcode, gasForChild, false,
        f.depth + 1, salt, 0, 0);
    return Frame.SUSPEND;
  }
}
