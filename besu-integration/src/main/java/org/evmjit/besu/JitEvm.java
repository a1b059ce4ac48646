package org.evmjit.besu;

import java.util.IdentityHashMap;
import org.evmjit.besu.seam.FrameRunner;
import org.evmjit.besu.seam.JitFrameFailure;
import org.evmjit.besu.seam.Step;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.frame.Code;
import org.evmjit.evm.word.Word;
import org.evmjit.plugin.runtime.Decision;
import org.evmjit.plugin.runtime.JitRuntime;
import org.apache.tuweni.bytes.Bytes;
import org.hyperledger.besu.datatypes.Hash;
import org.hyperledger.besu.evm.EVM;
import org.hyperledger.besu.evm.frame.MessageFrame;
import org.hyperledger.besu.evm.gascalculator.GasCalculator;
import org.hyperledger.besu.evm.internal.EvmConfiguration;
import org.hyperledger.besu.evm.operation.Operation;
import org.hyperledger.besu.evm.operation.OperationRegistry;
import org.hyperledger.besu.evm.tracing.OperationTracer;

/**
 * Besu's {@link EVM} for one fork with evmjit in front: a frame whose code the runtime has
 * compiled (looked up by code hash and fork, never waiting) runs compiled from its start to its
 * end; every other frame, every traced frame and every frame that started on Besu's interpreter
 * runs on the original EVM, and its gas is reported to the runtime as work toward hotness. All
 * other methods are the original EVM's.
 */
public final class JitEvm extends EVM {
  /** Compiled frames waiting for a child, per thread (a transaction runs on one thread). */
  private static final ThreadLocal<IdentityHashMap<MessageFrame, RunningFrame>> SUSPENDED =
      ThreadLocal.withInitial(IdentityHashMap::new);

  private final EVM original;
  private final Fork fork;
  private final JitRuntime runtime;
  private final FrameCounters counters;
  private final Word chainId;

  JitEvm(EVM original, Fork fork, JitRuntime runtime, FrameCounters counters) {
    super(new OperationRegistry(), original.getGasCalculator(), original.getEvmConfiguration(),
        original.getEvmVersion());
    this.original = original;
    this.fork = fork;
    this.runtime = runtime;
    this.counters = counters;
    this.chainId = original.getChainId().map(BesuValues::word).orElse(Word.ZERO);
  }

  /** The EVM this one stands in front of (restored at stop). */
  EVM original() {
    return original;
  }

  Fork fork() {
    return fork;
  }

  @Override
  public void runToHalt(MessageFrame frame, OperationTracer tracer) {
    IdentityHashMap<MessageFrame, RunningFrame> suspended = SUSPENDED.get();
    RunningFrame running = suspended.remove(frame);
    if (running != null) {
      segment(frame, running, true, tracer);
      return;
    }
    // Block import passes BlockAwareOperationTracer.NO_TRACING (isEnabled() false), not
    // OperationTracer.NO_TRACING: a tracer that is not enabled is no tracing (EVM.runToHalt's assert says so).
    if (tracer.isEnabled()) {
      counters.tracedFrames.increment();
      original.runToHalt(frame, tracer);
      return;
    }
    org.hyperledger.besu.evm.Code besuCode = frame.getCode();
    Code code = new Code(besuCode.getBytes().toArrayUnsafe(), besuCode.getCodeHash().getBytes().toArrayUnsafe());
    if (frame.getPC() != 0) { // started on Besu's interpreter before a call: it finishes there
      interpret(frame, tracer, code);
      return;
    }
    if (frame.getDepth() == 0) {
      suspended.clear(); // a new transaction: forget frames an aborted one left behind
    }
    Decision d = runtime.lookup(code.hash(), fork, code);
    if (d instanceof Decision.Compiled compiled) {
      segment(frame, new RunningFrame(BesuFrames.start(frame, code), compiled.engine()), false, tracer);
    } else {
      interpret(frame, tracer, code);
    }
  }

  private void interpret(MessageFrame frame, OperationTracer tracer, Code code) {
    counters.interpretedFrames.increment();
    long before = frame.getRemainingGas();
    original.runToHalt(frame, tracer);
    long after = frame.getRemainingGas();
    if (frame.getState() == MessageFrame.State.CODE_SUSPENDED) {
      after += frame.getMessageFrameStack().peekFirst().getRemainingGas(); // gas handed to the child
    }
    runtime.reportInterpreted(code, fork, before - after);
  }

  private void segment(MessageFrame frame, RunningFrame running, boolean resumed, OperationTracer tracer) {
    Step step;
    try {
      step = FrameRunner.run(running.frame(), running.engine(),
          new BesuHost(frame, fork, original.getGasCalculator(), chainId), new BesuChildren(frame, original, fork),
          resumed);
    } catch (JitFrameFailure e) {
      counters.failures.increment();
      throw e;
    }
    switch (step) {
      case DONE -> {
        counters.compiledFrames.increment();
        BesuFrames.finish(frame, running.frame());
      }
      case CHILD -> {
        frame.setState(MessageFrame.State.CODE_SUSPENDED);
        SUSPENDED.get().put(frame, running);
      }
      case FALLBACK -> {
        counters.fallbacks.increment();
        original.runToHalt(frame, tracer);
      }
    }
  }

  // ---- everything else is the original EVM's ----

  @Override
  public GasCalculator getGasCalculator() {
    return original.getGasCalculator();
  }

  @Override
  public int getMaxCodeSize() {
    return original.getMaxCodeSize();
  }

  @Override
  public int getMaxInitcodeSize() {
    return original.getMaxInitcodeSize();
  }

  @Override
  public EvmConfiguration getEvmConfiguration() {
    return original.getEvmConfiguration();
  }

  @Override
  public java.util.Optional<Bytes> getChainId() {
    return original.getChainId();
  }

  @Override
  public Operation[] getOperationsUnsafe() {
    return original.getOperationsUnsafe();
  }

  @Override
  public org.hyperledger.besu.evm.Code getOrCreateCachedJumpDest(Hash codeHash, Bytes codeBytes) {
    return original.getOrCreateCachedJumpDest(codeHash, codeBytes);
  }
}
