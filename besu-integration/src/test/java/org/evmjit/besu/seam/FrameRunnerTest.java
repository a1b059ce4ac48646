package org.evmjit.besu.seam;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.evmjit.evm.exec.ExecutionEngine;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.frame.CallKind;
import org.evmjit.evm.frame.Code;
import org.evmjit.evm.frame.Frame;
import org.evmjit.evm.frame.Message;
import org.evmjit.evm.host.TxContext;
import org.evmjit.evm.interpreter.Interpreter;
import org.evmjit.evm.state.TransactionState;
import org.evmjit.evm.state.WorldState;
import org.evmjit.evm.testing.Bytecode;
import org.evmjit.evm.testing.EvmHarness;
import org.evmjit.evm.tx.BlockEnv;
import org.evmjit.evm.tx.ExecutionStatus;
import org.evmjit.evm.tx.TransactionResult;
import org.evmjit.evm.word.Address;
import org.evmjit.evm.word.Word;
import org.junit.jupiter.api.Test;

/** The seam's protocol: the fallback rule and answering refused requests without the node. */
class FrameRunnerTest {
  private static final Address SELF = Address.of(0xc0de);
  private static final Address OTHER = Address.of(0xbeef);

  private final TransactionState host = new TransactionState(new WorldState(), Fork.CANCUN,
      new BlockEnv(Address.ZERO, 1, 1, 30_000_000, Word.ZERO, Word.ZERO, Word.ZERO, 0),
      new TxContext(Address.ZERO, Word.ONE, List.of(), Word.ONE, Word.ONE));
  private final Frame frame = new Frame(CallKind.CALL, SELF, Address.ZERO, SELF, Word.ZERO, new byte[0],
      new Code(new byte[] {0x00}), false, 0, 100_000, new long[Frame.MAX_STACK * 4]);
  private final ChildStarter noChild = (parent, request) -> {
    throw new AssertionError("no child expected");
  };

  @Test
  void anExceptionBeforeAnyChangeFallsBack() {
    ExecutionEngine throwing = (f, h, t) -> {
      h.storage(SELF, Word.ONE); // reads change nothing
      h.warmAccount(SELF);       // warm since the transaction began: no change either
      throw new IllegalStateException("compiled code bug");
    };
    host.warmAccount(SELF);
    assertEquals(Step.FALLBACK, FrameRunner.run(frame, throwing, host, noChild, false));
  }

  @Test
  void anExceptionAfterAWriteFailsLoudly() {
    ExecutionEngine throwing = (f, h, t) -> {
      h.setStorage(SELF, Word.ONE, Word.ONE);
      throw new IllegalStateException("compiled code bug");
    };
    JitFrameFailure e = assertThrows(JitFrameFailure.class, () -> FrameRunner.run(frame, throwing, host, noChild, false));
    assertTrue(e.getCause() instanceof IllegalStateException);
  }

  @Test
  void warmingAColdAccountIsAChange() {
    ExecutionEngine throwing = (f, h, t) -> {
      h.warmAccount(OTHER);
      throw new ArithmeticException();
    };
    assertThrows(JitFrameFailure.class, () -> FrameRunner.run(frame, throwing, host, noChild, false));
  }

  @Test
  void aResumedFrameNeverFallsBack() {
    ExecutionEngine throwing = (f, h, t) -> {
      throw new IllegalStateException();
    };
    assertThrows(JitFrameFailure.class, () -> FrameRunner.run(frame, throwing, host, noChild, true));
  }

  @Test
  void aLinkageErrorOfCompiledCodeFallsBackToo() {
    ExecutionEngine throwing = (f, h, t) -> {
      throw new NoClassDefFoundError("evicted hidden class");
    };
    assertEquals(Step.FALLBACK, FrameRunner.run(frame, throwing, host, noChild, false));
  }

  @Test
  void aTooDeepCallIsAnsweredWithoutTheNode() {
    Frame deep = new Frame(CallKind.CALL, SELF, Address.ZERO, SELF, Word.ZERO, new byte[0],
        new Code(new byte[] {0x00}), false, 1024, 100_000, new long[Frame.MAX_STACK * 4]);
    AtomicInteger segments = new AtomicInteger();
    ExecutionEngine engine = (f, h, t) -> {
      if (segments.getAndIncrement() == 0) {
        f.gas -= 5_000;
        f.pending = new Message(CallKind.CALL, SELF, OTHER, OTHER, Word.ZERO, new byte[0], 5_000, false, 1025,
            null, 0, 0);
        return Frame.SUSPEND;
      }
      return f.succeed(new byte[0]);
    };
    assertEquals(Step.DONE, FrameRunner.run(deep, engine, host, noChild, false));
    assertEquals(2, segments.get());
    assertEquals(100_000, deep.gas, "the child's gas came back");
    assertEquals(1, deep.sp);
    assertEquals(0, deep.stack[deep.offsetFromTop(0)], "0 pushed: the call did not happen");
  }

  @Test
  void aRequestTheNodeRefusesIsAnsweredAndAnyLaterExceptionIsLoud() {
    AtomicInteger segments = new AtomicInteger();
    ExecutionEngine engine = (f, h, t) -> {
      if (segments.getAndIncrement() == 0) {
        f.pending = new Message(CallKind.CREATE, SELF, null, null, Word.ZERO, new byte[0], 1_000, false, 1,
            null, 0, 0);
        return Frame.SUSPEND;
      }
      throw new IllegalStateException();
    };
    assertThrows(JitFrameFailure.class, () -> FrameRunner.run(frame, engine, host, (p, r) -> false, false));
  }

  @Test
  void aStartedChildSuspendsTowardTheNode() {
    ExecutionEngine engine = (f, h, t) -> {
      f.pending = new Message(CallKind.CALL, SELF, OTHER, OTHER, Word.ZERO, new byte[0], 1_000, false, 1,
          null, 0, 0);
      return Frame.SUSPEND;
    };
    AtomicInteger started = new AtomicInteger();
    assertEquals(Step.CHILD, FrameRunner.run(frame, engine, host, (p, r) -> started.incrementAndGet() > 0, false));
    assertEquals(1, started.get());
  }

  /** End to end on evmjit's executor: a compiled engine that throws at once gives the interpreter's result. */
  @Test
  void aFallbackGivesExactlyTheInterpretersResult() {
    Bytecode code = Bytecode.code().push(7).storeTopAt(1).push(42).returnTop();
    ExecutionEngine broken = (f, h, t) -> {
      f.gas -= 3; // a partial first segment: moved gas, pushed a value
      f.push(99);
      throw new IllegalStateException("compiled code bug");
    };
    TransactionResult viaSeam = new EvmHarness(Fork.CANCUN,
        (c, fork) -> new SeamEngine(broken, Interpreter.forFork(fork))).run(code);
    EvmHarness plain = new EvmHarness(Fork.CANCUN, (c, fork) -> Interpreter.forFork(fork));
    TransactionResult direct = plain.run(code);
    assertEquals(ExecutionStatus.SUCCESS, viaSeam.status());
    assertEquals(direct.gasUsed(), viaSeam.gasUsed());
    assertArrayEquals(direct.output(), viaSeam.output());
    assertFalse(viaSeam.output().length == 0);
  }

  @Test
  void storageWrittenByTheFallbackRunIsTheInterpreters() {
    Bytecode code = Bytecode.code().push(7).storeTopAt(1).op(0x00);
    ExecutionEngine broken = (f, h, t) -> {
      throw new IllegalStateException();
    };
    EvmHarness seam = new EvmHarness(Fork.CANCUN, (c, fork) -> new SeamEngine(broken, Interpreter.forFork(fork)));
    seam.run(code);
    assertEquals(Word.of(7), seam.state().get(EvmHarness.CONTRACT).storageValue(Word.ONE));
  }
}
