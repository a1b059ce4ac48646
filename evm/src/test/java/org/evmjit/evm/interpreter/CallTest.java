package org.evmjit.evm.interpreter;

import static org.evmjit.evm.opcode.Opcodes.*;
import static org.evmjit.evm.testing.Bytecode.code;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.evmjit.evm.exec.ContractAddress;
import org.evmjit.evm.exec.EngineSelector;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.testing.Bytecode;
import org.evmjit.evm.testing.EvmHarness;
import org.evmjit.evm.tx.ExecutionStatus;
import org.evmjit.evm.tx.TransactionResult;
import org.evmjit.evm.word.Address;
import org.evmjit.evm.word.Word;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Calls, creates and call depth, on every engine. */
class CallTest {
  private static final Address CALLEE = Address.fromHex("0x00000000000000000000000000000000000c0ffe");

  /** CALL(gas, to, 0, 0, 0, 0, 32) leaving the success flag on the stack. */
  private static Bytecode callInto(Bytecode c, Address to) {
    return c.push(32).push(0).push(0).push(0).push(0).push(to.toWord().toBigInteger()).op(GAS).op(CALL);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("org.evmjit.evm.testing.Engines#all")
  void callReturnsOutputAndFlag(String name, EngineSelector engine) {
    EvmHarness h = new EvmHarness(Fork.CANCUN, engine).account(CALLEE, 0, code().push(42).returnTop());
    // store the flag in slot 1, then return the 32 bytes the callee wrote to memory 0
    TransactionResult r = h.run(callInto(code(), CALLEE).storeTopAt(1).push(32).push(0).op(RETURN));
    assertEquals(ExecutionStatus.SUCCESS, r.status());
    assertEquals(Word.ONE, h.storageAt(1));
    assertEquals(BigInteger.valueOf(42), new BigInteger(1, r.output()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("org.evmjit.evm.testing.Engines#all")
  void valuesOnTheStackSurviveACall(String name, EngineSelector engine) {
    EvmHarness h = new EvmHarness(Fork.CANCUN, engine).account(CALLEE, 0, code().push(1).push(0).op(SSTORE));
    // 0x1234 stays below the call's arguments and is returned afterwards
    TransactionResult r = h.run(callInto(code().push(0x1234), CALLEE).op(POP).returnTop());
    assertEquals(BigInteger.valueOf(0x1234), new BigInteger(1, r.output()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("org.evmjit.evm.testing.Engines#all")
  void createDeploysCodeAtTheDerivedAddress(String name, EngineSelector engine) {
    // initcode: MSTORE8(0, 0xfe), RETURN(0, 1): deploys the one-byte code 0xfe
    byte[] initcode = code().push(0xfe).push(0).op(MSTORE8).push(1).push(0).op(RETURN).bytes();
    Bytecode c = code();
    for (int i = 0; i < initcode.length; i++) {
      c.push(initcode[i] & 0xFF).push(i).op(MSTORE8);
    }
    c.push(initcode.length).push(0).push(0).op(CREATE).returnTop();
    EvmHarness h = new EvmHarness(Fork.CANCUN, engine);
    TransactionResult r = h.run(c);
    Address expected = ContractAddress.create(EvmHarness.CONTRACT, 1);
    assertEquals(expected.toWord().toBigInteger(), new BigInteger(1, r.output()));
    assertArrayEquals(new byte[] {(byte) 0xfe}, h.state().get(expected).code().bytes());
    assertEquals(2, h.state().get(EvmHarness.CONTRACT).nonce());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("org.evmjit.evm.testing.Engines#all")
  void callDepthLimitDoesNotDependOnTheJavaStack(String name, EngineSelector engine) throws Exception {
    // Each frame stores depth+1 (from its input) in slot 0 and calls itself with that as input.
    Bytecode selfCall = code().push(0).op(CALLDATALOAD).push(1).op(ADD)
        .op(DUP1).push(0).op(SSTORE)
        .push(0).op(MSTORE)
        .push(0).push(0).push(32).push(0).push(0).op(ADDRESS).op(GAS).op(CALL).op(STOP);
    AtomicReference<Object> outcome = new AtomicReference<>();
    Thread small = new Thread(null, () -> {
      try {
        EvmHarness h = new EvmHarness(Fork.CANCUN, engine).gasLimit(1_000_000_000_000L);
        h.run(selfCall);
        outcome.set(h.storageAt(0));
      } catch (Throwable t) {
        outcome.set(t);
      }
    }, "small-stack", 256 * 1024);
    small.start();
    small.join();
    // frames at depths 0..1024 each ran; the deepest stored 1025
    assertEquals(Word.of(1025), outcome.get());
  }
}
