package org.evmjit.evm.interpreter;

import static org.evmjit.evm.opcode.Opcodes.*;
import static org.evmjit.evm.testing.Bytecode.code;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import org.evmjit.evm.exec.EngineSelector;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.testing.Bytecode;
import org.evmjit.evm.testing.EvmHarness;
import org.evmjit.evm.tx.ExecutionStatus;
import org.evmjit.evm.tx.TransactionResult;
import org.evmjit.evm.word.Word;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Operand order, results and halting of instructions, on every engine. */
class InstructionTest {
  private static BigInteger returned(TransactionResult r) {
    assertEquals(ExecutionStatus.SUCCESS, r.status(), () -> "halted: " + r.haltReason());
    return new BigInteger(1, r.output());
  }

  private static BigInteger run(EngineSelector engine, Bytecode c) {
    return returned(new EvmHarness(Fork.CANCUN, engine).run(c));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("org.evmjit.evm.testing.Engines#all")
  void binaryOperandsComeFromTheTopFirst(String name, EngineSelector engine) {
    assertEquals(BigInteger.valueOf(7), run(engine, code().push(3).push(10).op(SUB).returnTop()));
    assertEquals(BigInteger.valueOf(5), run(engine, code().push(2).push(10).op(DIV).returnTop()));
    assertEquals(BigInteger.ONE, run(engine, code().push(2).push(1).op(LT).returnTop()));
    assertEquals(BigInteger.valueOf(16), run(engine, code().push(1).push(4).op(SHL).returnTop()));
    assertEquals(BigInteger.valueOf(1024), run(engine, code().push(10).push(2).op(EXP).returnTop()));
    assertEquals(BigInteger.valueOf(4), run(engine, code().push(7).push(6).push(5).op(ADDMOD).returnTop()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("org.evmjit.evm.testing.Engines#all")
  void clzCountsLeadingZeroBitsFromOsaka(String name, EngineSelector engine) {
    assertEquals(BigInteger.valueOf(256), returned(new EvmHarness(Fork.OSAKA, engine)
        .run(code().push(0).op(CLZ).returnTop())));
    // not a compile-time constant: CALLDATASIZE (0) + 2^64 is computed at run time
    assertEquals(BigInteger.valueOf(191), returned(new EvmHarness(Fork.OSAKA, engine)
        .run(code().push(BigInteger.ONE.shiftLeft(64)).op(CALLDATASIZE).op(ADD).op(CLZ).returnTop())));
    assertEquals(BigInteger.ZERO, returned(new EvmHarness(Fork.OSAKA, engine)
        .run(code().push(BigInteger.ONE.shiftLeft(255)).op(CLZ).returnTop())));
    assertEquals(BigInteger.valueOf(255), returned(new EvmHarness(Fork.OSAKA, engine)
        .run(code().op(CALLDATASIZE).push(1).op(ADD).op(CLZ).returnTop())));
    TransactionResult cancun = new EvmHarness(Fork.CANCUN, engine).gasLimit(50_000)
        .run(code().push(1).op(CLZ).returnTop());
    assertEquals(ExecutionStatus.HALT, cancun.status());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("org.evmjit.evm.testing.Engines#all")
  void divisionByZeroGivesZero(String name, EngineSelector engine) {
    for (int op : new int[] {DIV, SDIV, MOD, SMOD}) {
      assertEquals(BigInteger.ZERO, run(engine, code().push(0).push(7).op(op).returnTop()), "op " + op);
    }
    assertEquals(BigInteger.ZERO, run(engine, code().push(0).push(1).push(2).op(MULMOD).returnTop()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("org.evmjit.evm.testing.Engines#all")
  void stackManipulation(String name, EngineSelector engine) {
    assertEquals(BigInteger.ONE, run(engine, code().push(1).push(2).op(SWAP1).returnTop()));
    assertEquals(BigInteger.ONE, run(engine, code().push(1).push(2).push(3).op(DUP1 + 2).returnTop()));
    assertEquals(BigInteger.valueOf(9), run(engine, code().push(9).push(8).op(POP).returnTop()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("org.evmjit.evm.testing.Engines#all")
  void truncatedPushAtEndOfCodeRunsOffTheEnd(String name, EngineSelector engine) {
    // PUSH1 1, then PUSH3 with one of its three immediate bytes: code ends inside the push.
    TransactionResult r = new EvmHarness(Fork.CANCUN, engine).run(code().raw("600162ab"));
    assertEquals(ExecutionStatus.SUCCESS, r.status());
    assertEquals(EvmHarness.INTRINSIC + 6, r.gasUsed());
    // The value it pushes is the available bytes followed by zeros.
    long[] s = new long[4];
    Instructions.push(s, 0, new byte[] {0x62, (byte) 0xab}, 1, 3);
    assertEquals(0xab0000L, s[0]);
    assertEquals(0, s[1] | s[2] | s[3]);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("org.evmjit.evm.testing.Engines#all")
  void staticGasOfSimpleCode(String name, EngineSelector engine) {
    TransactionResult r = new EvmHarness(Fork.CANCUN, engine).run(code().push(1).push(2).op(ADD).op(STOP));
    assertEquals(EvmHarness.INTRINSIC + 9, r.gasUsed());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("org.evmjit.evm.testing.Engines#all")
  void memoryExpansionIsCharged(String name, EngineSelector engine) {
    // PUSH1 1, PUSH2 0x0100 (offset 256), MSTORE: 3 + 3 + 3 + memory for 9 words (27 + 81/512 = 27)
    TransactionResult r = new EvmHarness(Fork.CANCUN, engine).run(code().push(1).push(256).op(MSTORE));
    assertEquals(EvmHarness.INTRINSIC + 9 + 27, r.gasUsed());
    // 1024 words: 3*1024 + 1024*1024/512 = 3072 + 2048
    TransactionResult big = new EvmHarness(Fork.CANCUN, engine).run(code().push(1).push(1023 * 32).op(MSTORE));
    assertEquals(EvmHarness.INTRINSIC + 9 + 5120, big.gasUsed());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("org.evmjit.evm.testing.Engines#all")
  void exceptionalHaltsConsumeAllGas(String name, EngineSelector engine) {
    TransactionResult underflow = new EvmHarness(Fork.CANCUN, engine).gasLimit(50_000).run(code().op(ADD));
    assertEquals(ExecutionStatus.HALT, underflow.status());
    assertEquals(50_000, underflow.gasUsed());
    TransactionResult undefined = new EvmHarness(Fork.CANCUN, engine).gasLimit(50_000).run(code().op(0xef));
    assertEquals(ExecutionStatus.HALT, undefined.status());
    assertEquals(50_000, undefined.gasUsed());
    // PUSH1 3, JUMP, PUSH1 0x5b: pc 3 is PUSH data that happens to be 0x5b, not a JUMPDEST.
    TransactionResult intoPushData = new EvmHarness(Fork.CANCUN, engine).gasLimit(50_000).run(code().raw("600356605b00"));
    assertEquals(ExecutionStatus.HALT, intoPushData.status());
    // PUSH1 4, JUMP, INVALID, JUMPDEST: reached only by the jump.
    TransactionResult dynamic = new EvmHarness(Fork.CANCUN, engine).run(code().raw("600456fe5b00"));
    assertEquals(ExecutionStatus.SUCCESS, dynamic.status());
    // PUSH0 is undefined before Shanghai
    TransactionResult push0 = new EvmHarness(Fork.PARIS, engine).gasLimit(50_000).run(code().op(PUSH0));
    assertEquals(ExecutionStatus.HALT, push0.status());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("org.evmjit.evm.testing.Engines#all")
  void stackOverflowAt1025(String name, EngineSelector engine) {
    Bytecode ok = code();
    for (int i = 0; i < 1024; i++) {
      ok.op(PUSH0);
    }
    assertEquals(ExecutionStatus.SUCCESS, new EvmHarness(Fork.CANCUN, engine).run(ok).status());
    ok.op(PUSH0);
    assertEquals(ExecutionStatus.HALT, new EvmHarness(Fork.CANCUN, engine).run(ok).status());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("org.evmjit.evm.testing.Engines#all")
  void revertKeepsGasAndOutput(String name, EngineSelector engine) {
    TransactionResult r = new EvmHarness(Fork.CANCUN, engine)
        .run(code().push(0xab).push(0).op(MSTORE8).push(1).push(0).op(REVERT));
    assertEquals(ExecutionStatus.REVERT, r.status());
    assertArrayEquals(new byte[] {(byte) 0xab}, r.output());
    // 3+3+3 (MSTORE8) +3 memory, 3+3 + 0 (REVERT)
    assertEquals(EvmHarness.INTRINSIC + 18, r.gasUsed());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("org.evmjit.evm.testing.Engines#all")
  void storageSurvivesOnlySuccess(String name, EngineSelector engine) {
    EvmHarness h = new EvmHarness(Fork.CANCUN, engine);
    h.run(code().push(5).storeTopAt(1).op(STOP));
    assertEquals(Word.of(5), h.storageAt(1));
    EvmHarness reverted = new EvmHarness(Fork.CANCUN, engine);
    reverted.run(code().push(5).storeTopAt(1).push(0).push(0).op(REVERT));
    assertEquals(Word.ZERO, reverted.storageAt(1));
  }
}
