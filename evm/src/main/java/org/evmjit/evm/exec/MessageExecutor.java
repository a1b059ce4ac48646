package org.evmjit.evm.exec;

import java.util.ArrayDeque;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.fork.GasSchedule;
import org.evmjit.evm.frame.CallKind;
import org.evmjit.evm.frame.Code;
import org.evmjit.evm.frame.Frame;
import org.evmjit.evm.frame.HaltReason;
import org.evmjit.evm.frame.Message;
import org.evmjit.evm.precompile.Precompile;
import org.evmjit.evm.precompile.Precompiles;
import org.evmjit.evm.state.Delegation;
import org.evmjit.evm.state.TransactionState;
import org.evmjit.evm.trace.Tracer;
import org.evmjit.evm.tx.ExecutionStatus;
import org.evmjit.evm.word.Address;

/**
 * Runs a message and every call and create beneath it, one frame at a time, with an explicit
 * frame stack: when a frame suspends for a child, the child is started (or finished at once: a
 * precompile, an account without code, a failed pre-check) and run; when a frame ends, its
 * result goes into its parent, which resumes. So EVM call depth 1024 never becomes Java
 * recursion, and interpreter and compiled frames can nest freely.
 */
public final class MessageExecutor {
  /** EIP-150's limit: a frame at depth 1024 (0 = outermost) may not call further. */
  static final int MAX_DEPTH = CallCompletion.MAX_DEPTH;

  private final TransactionState state;
  private final Fork fork;
  private final GasSchedule gas;
  private final EngineSelector engines;
  private final Tracer tracer;
  private static final byte[] NONE = new byte[0];

  /** The running thread's stacks and memory buffers, taken when {@link #run} starts. */
  private StackPool stacks;
  private MemoryPool memories;

  public MessageExecutor(TransactionState state, EngineSelector engines, Tracer tracer) {
    this.state = state;
    this.fork = state.fork();
    this.gas = state.gas();
    this.engines = engines;
    this.tracer = tracer;
  }

  /**
   * Runs {@code root} to completion; the returned frame holds its status, gas left and output.
   * The running frame is a local and only suspended parents wait on the stack, which is made at
   * the first child: most transactions run one frame and need none.
   */
  public Frame run(Message root) {
    stacks = StackPool.forCurrentThread();
    memories = MemoryPool.forCurrentThread();
    Frame current = start(root);
    if (current.status != null) {
      return current;
    }
    ArrayDeque<Frame> parents = null;
    while (true) {
      ExecutionEngine engine = engines.engineFor(current.code, fork);
      long gasBefore = current.gas;
      int result = engine.execute(current, state, tracer);
      long gasAfter = result == Frame.SUSPEND ? current.gas + current.pending.gas() : current.gas;
      engines.ran(current.code, fork, engine, gasBefore - gasAfter);
      if (tracer != null) {
        boolean creates = result == Frame.SUSPEND && current.pending.kind().isCreate();
        tracer.onFrameExit(current.gas, creates ? current.pending.gas() : 0, state.refund(),
            current.status == ExecutionStatus.HALT ? current.haltReason.message() : null);
      }
      if (result == Frame.SUSPEND) {
        Frame child = start(current.pending);
        if (child.status == null) {
          if (parents == null) {
            parents = new ArrayDeque<>();
          }
          parents.push(current);
          current = child;
        } else {
          resume(current, child);
        }
        continue;
      }
      finish(current);
      Frame parent = parents == null ? null : parents.poll();
      if (parent == null) {
        return current;
      }
      resume(parent, current);
      current = parent;
    }
  }

  // ---- starting a child ----

  private Frame start(Message m) {
    return m.kind().isCreate() ? startCreate(m) : startCall(m);
  }

  private Frame startCall(Message m) {
    if (CallCompletion.refuses(m, state)) {
      return refused(m);
    }
    int snapshot = state.snapshot();
    Address to = m.recipient();
    Precompile precompile = Precompiles.get(m.codeAddress(), fork);
    if (m.kind() == CallKind.CALL && !state.exists(to)) {
      if (precompile == null && fork.isAtLeast(Fork.SPURIOUS_DRAGON) && m.value().isZero()) {
        return finished(m, to, ExecutionStatus.SUCCESS, m.gas(), NONE);
      }
      state.createEmpty(to);
    }
    if (m.kind() == CallKind.CALL || m.kind() == CallKind.CALLCODE) {
      state.transfer(m.caller(), to, m.value());
    } else if (m.kind() == CallKind.STATICCALL) {
      state.touch(to); // geth adds a zero balance here, touching the account
    }
    if (precompile != null) {
      return runPrecompile(m, precompile, snapshot);
    }
    Address codeAddress = m.codeAddress();
    Code code = state.code(codeAddress);
    Address delegate = fork.isAtLeast(Fork.PRAGUE) ? Delegation.target(code) : null;
    if (delegate != null) {
      // EIP-7702: run the delegate's code (one level, never a precompile); the caller charged
      // and warmed the access
      codeAddress = delegate;
      code = state.code(delegate);
    }
    if (code.size() == 0) {
      return finished(m, to, ExecutionStatus.SUCCESS, m.gas(), NONE);
    }
    Frame f = new Frame(m.kind(), to, m.caller(), codeAddress, m.value(), m.input(), code,
        m.isStatic(), m.depth(), m.gas(), stacks.take());
    memories.lend(f.memory);
    f.snapshot = snapshot;
    return f;
  }

  private Frame runPrecompile(Message m, Precompile p, int snapshot) {
    long cost = p.gasCost(m.input());
    byte[] out = cost <= m.gas() ? p.execute(m.input()) : null;
    if (out == null) {
      state.revertTo(snapshot);
      Frame f = finished(m, m.recipient(), ExecutionStatus.HALT, 0, NONE);
      f.haltReason = cost <= m.gas() ? HaltReason.PRECOMPILE_FAILURE : HaltReason.OUT_OF_GAS;
      return f;
    }
    return finished(m, m.recipient(), ExecutionStatus.SUCCESS, m.gas() - cost, out);
  }

  private Frame startCreate(Message m) {
    Address creator = m.caller();
    if (CallCompletion.refuses(m, state)) {
      return refused(m);
    }
    Address address = m.recipient();
    if (address == null) {
      long nonce = state.nonce(creator);
      if (nonce == -1L) { // EIP-2681: the nonce cannot pass 2^64 - 1
        return refused(m);
      }
      address = m.kind() == CallKind.CREATE2
          ? ContractAddress.create2(creator, m.salt(), m.input())
          : ContractAddress.create(creator, nonce);
      state.setNonce(creator, nonce + 1);
    }
    if (gas.accessLists) {
      state.warmAccount(address);
    }
    if (state.nonce(address) != 0 || state.code(address).size() != 0 || state.hasStorage(address)) {
      Frame f = finished(m, address, ExecutionStatus.HALT, 0, NONE);
      f.haltReason = HaltReason.CONTRACT_ADDRESS_COLLISION;
      return f;
    }
    int snapshot = state.snapshot();
    state.createContractAccount(address);
    state.transfer(creator, address, m.value());
    Frame f = new Frame(m.kind(), address, creator, address, m.value(), NONE,
        new Code(m.input()), false, m.depth(), m.gas(), stacks.take());
    memories.lend(f.memory);
    f.snapshot = snapshot;
    if (m.input().length == 0) {
      f.status = ExecutionStatus.SUCCESS;
      finish(f);
    }
    return f;
  }

  /** A call or create that did not start (depth, balance, nonce): the caller keeps the gas. */
  private Frame refused(Message m) {
    return finished(m, Address.ZERO, ExecutionStatus.REVERT, m.gas(), NONE);
  }

  private Frame finished(Message m, Address address, ExecutionStatus status, long gasLeft, byte[] output) {
    Frame f = new Frame(m.kind(), address, m.caller(), m.codeAddress(), m.value(), m.input(),
        Code.EMPTY, m.isStatic(), m.depth(), gasLeft, null);
    f.status = status;
    f.output = output;
    return f;
  }

  // ---- ending a frame ----

  /** Deposits a created contract's code, and undoes the frame's changes if it failed. */
  private void finish(Frame f) {
    if (f.stack != null) {
      stacks.give(f.stack);
      memories.give(f.memory);
    }
    if (f.kind.isCreate() && f.status == ExecutionStatus.SUCCESS) {
      depositCode(f);
    }
    if (f.status != ExecutionStatus.SUCCESS) {
      state.revertTo(f.snapshot);
    }
  }

  private void depositCode(Frame f) {
    byte[] code = f.output;
    if (gas.maxCodeSize > 0 && code.length > gas.maxCodeSize) {
      f.halt(HaltReason.CODE_SIZE_EXCEEDED);
      return;
    }
    if (fork.isAtLeast(Fork.LONDON) && code.length > 0 && (code[0] & 0xFF) == 0xEF) {
      f.halt(HaltReason.INVALID_CODE_PREFIX); // EIP-3541
      return;
    }
    long cost = gas.createDataPerByte * code.length;
    if (f.gas < cost) {
      if (fork.isAtLeast(Fork.HOMESTEAD)) {
        f.halt(HaltReason.OUT_OF_GAS);
      } else {
        f.output = NONE; // Frontier: the contract stays, without code
      }
      return;
    }
    f.gas -= cost;
    state.setCode(f.address, code.length == 0 ? Code.EMPTY : new Code(code));
  }

  /** Hands a finished child's result to its suspended parent, whose {@code pending} request it answers. */
  private void resume(Frame parent, Frame child) {
    CallCompletion.complete(parent, child.status, child.gas, child.output, child.address);
  }
}
