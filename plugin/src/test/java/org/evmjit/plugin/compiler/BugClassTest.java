package org.evmjit.plugin.compiler;

import static org.evmjit.evm.opcode.Opcodes.*;
import static org.evmjit.evm.testing.Bytecode.code;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.testing.Bytecode;
import org.evmjit.evm.testing.EvmHarness;
import org.evmjit.evm.tx.ExecutionStatus;
import org.evmjit.evm.tx.TransactionResult;
import org.evmjit.evm.word.Address;
import org.evmjit.plugin.compiler.testing.Differential;
import org.junit.jupiter.api.Test;

/**
 * The bug classes JIT compilers for the EVM are known to get wrong (revmc's history), each run on
 * the interpreter and both JIT modes and required to agree exactly.
 */
class BugClassTest {
  private static final Address CALLEE = Address.fromHex("0x00000000000000000000000000000000000c0ffe");

  @Test
  void truncatedPushAtEndOfCode() {
    Differential.agree(code().raw("600162ab"));
    Differential.agree(code().raw("7f01"));
    // truncated push whose value is then used: PUSH1 0 JUMPI over nothing, then PUSH2 with 1 byte
    Differential.agree(code().raw("60006000576101"));
  }

  @Test
  void divisionByZero() {
    for (int op : new int[] {DIV, SDIV, MOD, SMOD, ADDMOD, MULMOD}) {
      Differential.agree(code().push(0).push(0).push(7).op(op).returnTop());
      // operands only known at run time
      Differential.agree(Fork.CANCUN, code().push(0).op(CALLDATALOAD).push(32).op(CALLDATALOAD)
          .push(64).op(CALLDATALOAD).op(op).returnTop(), h -> h.input(new byte[96]));
    }
    // SDIV(-2^255, -1) and SMOD with negative operands
    BigInteger min = BigInteger.ONE.shiftLeft(255).negate();
    Differential.agree(code().push(-1).push(min).op(SDIV).returnTop());
    Differential.agree(code().push(-3).push(-7).op(SMOD).returnTop());
  }

  @Test
  void jumpIntoPushDataHalts() {
    TransactionResult r = Differential.agree(code().raw("600356605b00"), 50_000);
    assertEquals(ExecutionStatus.HALT, r.status());
    // dynamic target into push data (from calldata)
    Differential.agree(Fork.CANCUN, code().push(0).op(CALLDATALOAD).op(JUMP).raw("605b00"),
        h -> h.gasLimit(50_000).input(word(3)));
    // targets past the end, huge, and a JUMPI into push data taken / not taken
    Differential.agree(code().push(1000).op(JUMP), 50_000);
    Differential.agree(code().push(BigInteger.ONE.shiftLeft(200).add(BigInteger.valueOf(4))).op(JUMP).op(JUMPDEST), 50_000);
    Differential.agree(code().push(1).push(6).op(JUMPI).raw("605b00"), 50_000);
    Differential.agree(code().push(0).push(6).op(JUMPI).raw("605b00"), 50_000);
  }

  @Test
  void jumpDestReachedOnlyDynamically() {
    // target from calldata: pc 5 is a JUMPDEST after INVALID, only reachable by the jump
    Bytecode c = code().push(0).op(CALLDATALOAD).op(JUMP).op(INVALID).op(JUMPDEST).push(42).returnTop();
    TransactionResult r = Differential.agree(Fork.CANCUN, c, h -> h.input(word(5)));
    assertEquals(ExecutionStatus.SUCCESS, r.status());
    // computed target: 2 + 3
    Differential.agree(code().push(2).push(3).op(ADD).op(JUMP).op(JUMPDEST).push(1).returnTop());
  }

  @Test
  void valuesLiveAcrossCall() {
    // values below the call's operands (constants, computed, from memory) survive suspension
    Bytecode c = code().push(7).push(0).op(CALLDATALOAD).push(5).op(ADD).push(99).push(0).op(MSTORE)
        .push(0).op(MLOAD)
        .push(32).push(0).push(0).push(0).push(0).push(CALLEE.toWord().toBigInteger()).op(GAS).op(CALL)
        .op(ADD).op(ADD).op(ADD).returnTop();
    Differential.agree(Fork.CANCUN, c, h -> h.input(word(11))
        .account(CALLEE, 0, code().push(1000).returnTop()));
    // two calls in a row, and a create, with values computed before and used after
    Bytecode init = code().push(0x60).push(0).op(MSTORE8).push(1).push(0).op(RETURN);
    Bytecode twice = code().push(3).push(4).op(MUL)
        .push(0).push(0).push(0).push(0).push(0).push(CALLEE.toWord().toBigInteger()).op(GAS).op(CALL)
        .push(0).push(0).push(0).push(0).push(0).push(CALLEE.toWord().toBigInteger()).op(GAS).op(CALL)
        .op(ADD).op(ADD)
        .push(new BigInteger(1, init.bytes())).push(0).op(MSTORE)
        .push(init.size()).push(32 - init.size()).push(0).op(CREATE).op(ISZERO).op(ADD).returnTop();
    Differential.agree(Fork.CANCUN, twice, h -> h.account(CALLEE, 0, code().push(1).returnTop()));
  }

  @Test
  void gasChargedBeforeStaticCallViolation() {
    // the child does work, then SSTORE in a static context: all its gas is consumed
    Bytecode child = code().push(1).push(2).op(ADD).push(0).op(SSTORE).push(5).push(6).op(MUL).op(POP);
    Bytecode c = code().push(0).push(0).push(0).push(0).push(CALLEE.toWord().toBigInteger()).push(50_000)
        .op(STATICCALL).op(GAS).op(ADD).returnTop();
    Differential.agree(Fork.CANCUN, c, h -> h.account(CALLEE, 0, child));
    // a LOG and a value-transferring CALL in a static frame
    Bytecode logChild = code().push(1).push(0).op(LOG0);
    Differential.agree(Fork.CANCUN, c, h -> h.account(CALLEE, 0, logChild));
  }

  @Test
  void gasObservedMidBlock() {
    // GAS in the middle of a long block must see the interpreter's value
    Bytecode c = code().push(1).push(2).op(ADD).op(GAS).push(3).op(MUL).push(4).op(ADD).op(POP).push(5).op(ADD).returnTop();
    for (long limit = 21_000 + 30; limit < 21_000 + 80; limit++) {
      Differential.agree(c, limit);
    }
    Differential.agree(c);
  }

  @Test
  void sstoreSentryAtTheBoundary() {
    // SSTORE fails when gas left <= 2300 (EIP-2200); instructions after it in the block must not
    // count against it. Sweep the gas limit across the boundary.
    Bytecode c = code().push(1).push(0).op(SSTORE).push(1).push(2).op(ADD).push(3).op(MUL).op(POP).op(STOP);
    for (long limit = 21_000 + 2290; limit < 21_000 + 2330; limit++) {
      Differential.agree(c, limit);
    }
  }

  @Test
  void callSeesTheInterpretersGas() {
    // the child reports the gas it received; the 63/64 rule depends on the parent's exact gas
    Bytecode child = code().op(GAS).returnTop();
    Bytecode c = code().push(1).push(2).op(ADD).op(POP)
        .push(32).push(0).push(0).push(0).push(0).push(CALLEE.toWord().toBigInteger()).op(GAS).op(CALL)
        .op(POP).push(32).push(0).op(RETURN);
    for (long limit = 30_000; limit < 30_050; limit++) {
      long l = limit;
      Differential.agree(Fork.CANCUN, c, h -> h.gasLimit(limit0(l)).account(CALLEE, 0, child));
    }
    Bytecode create = code().push(0).push(0).push(0).push(1).push(2).op(ADD).op(POP).op(CREATE).returnTop();
    Differential.agree(create);
  }

  @Test
  void outOfGasAtEveryBoundary() {
    Bytecode c = code().push(0).op(CALLDATALOAD).push(3).op(JUMPI).op(JUMPDEST).push(1).push(0).op(MSTORE)
        .push(64).op(MLOAD).push(0x22).op(SSTORE).push(0).push(0).op(KECCAK256).push(1).op(SSTORE)
        .push(1).push(2).op(EXP).push(32).push(0).op(LOG0 + 1).push(32).push(0).op(RETURN);
    Differential.agree(c);
    long full = new EvmHarness(Fork.CANCUN, org.evmjit.evm.testing.Engines.INTERPRETER).run(c).gasUsed();
    for (long limit = 21_000; limit <= full + 1; limit += 7) {
      Differential.agree(c, limit);
    }
  }

  @Test
  void stackLimitsAtBlockEntry() {
    Bytecode deep = code();
    for (int i = 0; i < 1023; i++) {
      deep.op(PUSH0);
    }
    Differential.agree(deep.op(JUMPDEST).op(DUP1).op(DUP1).op(POP).op(STOP), 10_000_000);
    Differential.agree(code().push(1).op(JUMPDEST).op(ADD).op(STOP), 50_000);
    Differential.agree(code().push(1).op(SWAP1 + 1), 50_000);
  }

  @Test
  void undefinedOpcodesPerFork() {
    Differential.agree(Fork.PARIS, code().push(1).op(PUSH0), h -> h.gasLimit(50_000));
    Differential.agree(Fork.LONDON, code().push(1).op(0x5c), h -> h.gasLimit(50_000));
    Differential.agree(Fork.PETERSBURG, code().push(1).op(0x48).op(STOP), h -> h.gasLimit(50_000));
    Differential.agree(code().push(1).op(0x0c), 50_000);
  }

  private static long limit0(long limit) {
    return limit;
  }

  static byte[] word(long v) {
    byte[] w = new byte[32];
    for (int i = 0; i < 8; i++) {
      w[31 - i] = (byte) (v >>> (8 * i));
    }
    return w;
  }
}
