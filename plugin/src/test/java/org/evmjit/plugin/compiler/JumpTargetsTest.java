package org.evmjit.plugin.compiler;

import static org.evmjit.evm.opcode.Opcodes.*;
import static org.evmjit.evm.testing.Bytecode.code;
import static org.evmjit.plugin.compiler.testing.Asm.word;
import static org.evmjit.plugin.compiler.testing.Asm.words;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.testing.Bytecode;
import org.evmjit.evm.word.Address;
import org.evmjit.plugin.compiler.analysis.Block;
import org.evmjit.plugin.compiler.analysis.BlockAnalysis;
import org.evmjit.plugin.compiler.analysis.JumpTargets;
import org.evmjit.plugin.compiler.testing.Asm;
import org.evmjit.plugin.compiler.testing.Differential;
import org.junit.jupiter.api.Test;

/**
 * Dynamic jumps whose targets {@link JumpTargets} resolves (internal-function returns, jump
 * tables) and jumps it must leave unresolved. Each program's analysis result is checked, then it
 * runs on the interpreter and both JIT modes, which must agree exactly (also when a word is not
 * one of the resolved targets, when the jump underflows or runs out of gas on the way).
 */
class JumpTargetsTest {
  private static final int DUP2 = DUP1 + 1, DUP3 = DUP1 + 2;
  private static final Address CALLEE = Address.fromHex("0x00000000000000000000000000000000000c0ffe");

  /** f(x) = 3x + 1, called at r1 and again at r2 on its own result: returns to two sites. */
  private static Asm twoCallSites() {
    return callTwice().push(3).op(MUL).push(1).op(ADD, SWAP1, JUMP);
  }

  @Test
  void functionCalledFromTwoSitesReturnsToBoth() {
    Asm a = twoCallSites();
    assertArrayEquals(new int[] {a.pc("r1"), a.pc("r2")}, targetsAt(a, "f"));
    agreeOnInputs(a.bytes());
  }

  @Test
  void jumpTableOfConstantsPushedOnTwoPaths() {
    Asm a = new Asm().push(0).op(CALLDATALOAD).to("a").op(SWAP1).to("pick").op(JUMPI)
        .op(POP).to("b")
        .label("pick").op(JUMP)
        .label("a").push(1).returnTop()
        .label("b").push(2).returnTop();
    assertArrayEquals(new int[] {a.pc("a"), a.pc("b")}, targetsAt(a, "pick"));
    agreeOnInputs(a.bytes());
  }

  @Test
  void constantThatIsNoJumpdestHaltsAndIsNoTarget() {
    // on one path the "return address" is 3: not a JUMPDEST, so the jump halts there
    Asm a = new Asm().push(0).op(CALLDATALOAD).to("a").op(SWAP1).to("pick").op(JUMPI)
        .op(POP).push(3)
        .label("pick").op(JUMP)
        .label("a").push(1).returnTop();
    assertArrayEquals(new int[] {a.pc("a")}, targetsAt(a, "pick"));
    agreeOnInputs(a.bytes());
  }

  @Test
  void returnAddressOnOnePathAndCalldataOnTheOther() {
    // the word jumped on is "a" on one path and anything (from calldata) on the other: the set
    // holds what was seen, {a}; calldata's "b" (not in the set) must take the dynamic path
    Asm a = new Asm().push(0).op(CALLDATALOAD).to("a").op(SWAP1).to("pick").op(JUMPI)
        .op(POP).push(32).op(CALLDATALOAD)
        .label("pick").op(JUMP)
        .label("a").push(1).returnTop()
        .label("b").push(2).returnTop();
    assertArrayEquals(new int[] {a.pc("a")}, targetsAt(a, "pick"));
    for (long sel : new long[] {0, 1}) {
      for (String to : new String[] {"a", "b"}) {
        long target = a.pc(to);
        Differential.agree(Fork.CANCUN, a.bytes(), h -> h.input(words(sel, target)));
      }
      Differential.agree(Fork.CANCUN, a.bytes(), h -> h.input(words(sel, 5)));
    }
  }

  @Test
  void computedReturnAddressIsUnresolved() {
    Asm a = new Asm().push(0).op(CALLDATALOAD)
        .to("r1").push(0).op(ADD).op(SWAP1).to("f").op(JUMP)
        .label("r1").returnTop()
        .label("f").push(3).op(MUL, SWAP1, JUMP);
    assertNull(targetsAt(a, "f"));
    agreeOnInputs(a.bytes());
  }

  @Test
  void recursionOfUnboundedDepthReturnsToTheTargetsSeen() {
    // sum(n) = n + sum(n - 1), sum(0) = 0: each level returns to "after", the outermost to "done".
    // The depth comes from calldata: past MAX_DEPTH the abstract stacks lose the outer return
    // addresses (those entries give no set), but the levels analysed exactly show both targets.
    Asm a = new Asm().push(0).op(CALLDATALOAD).push(20).op(SWAP1, MOD)
        .to("done").op(SWAP1).to("sum").op(JUMP)
        .label("done").returnTop()
        .label("sum").op(DUP1, ISZERO).to("base").op(JUMPI)
        .op(DUP1).to("after").op(SWAP1).push(1).op(SWAP1, SUB).to("sum").op(JUMP)
        .label("after").op(ADD, SWAP1, JUMP)
        .label("base").op(SWAP1, JUMP);
    assertArrayEquals(new int[] {a.pc("done"), a.pc("after")}, targetsAt(a, "base"));
    agreeOnInputs(a.bytes());
  }

  @Test
  void conditionalReturnThroughJumpi() {
    // f returns early (JUMPI on its return address) when x != 0, else returns 7
    Asm a = callTwice().op(DUP2, DUP2, SWAP1, JUMPI).op(POP).push(7).op(SWAP1, JUMP);
    assertArrayEquals(new int[] {a.pc("r1"), a.pc("r2")}, targetsAt(a, "f"));
    agreeOnInputs(a.bytes());
  }

  @Test
  void underflowAtTheReturnJump() {
    // a path reaches f with nothing below its argument: the return jump underflows there (that
    // entry gives no set; the other gives r1)
    Asm a = new Asm().push(0).op(CALLDATALOAD).to("short").op(JUMPI)
        .push(5).to("r1").op(SWAP1).to("f").op(JUMP)
        .label("r1").returnTop()
        .label("short").push(5).to("f").op(JUMP)
        .label("f").push(3).op(MUL, SWAP1, JUMP);
    assertArrayEquals(new int[] {a.pc("r1")}, targetsAt(a, "f"));
    agreeOnInputs(a.bytes());
  }

  @Test
  void callInsideAFunction() {
    // f calls another contract (the frame suspends and resumes) and returns its output plus x
    Asm a = callTwice().push(32).push(0).push(0).push(0).push(0)
        .push(CALLEE.toWord().toBigInteger().longValue()).op(GAS, CALL, POP)
        .push(0).op(MLOAD, ADD, SWAP1, JUMP);
    assertArrayEquals(new int[] {a.pc("r1"), a.pc("r2")}, targetsOfJumpAfter(a, "f"));
    for (long x : new long[] {0, 1, 99}) {
      Differential.agree(Fork.CANCUN, a.bytes(), h -> h.input(word(x))
          .account(CALLEE, 0, code().push(7).op(CALLDATASIZE).op(ADD).returnTop()));
    }
  }

  @Test
  void returnToAnotherChunk() {
    // the call site and the function are far apart: the return leaves the chunk method
    Asm a = callTwice();
    for (int i = 0; i < 600; i++) {
      a.push(i).op(ADD).label("s" + i);
    }
    a.op(SWAP1, JUMP);
    assertArrayEquals(new int[] {a.pc("r1"), a.pc("r2")}, targetsAt(a, "s599"));
    agreeOnInputs(a.bytes());
  }

  @Test
  void valuesLiveAcrossTheReturn() {
    // the caller keeps words below the call that the return site reads (carried in locals)
    Asm a = new Asm().push(0).op(CALLDATALOAD).push(32).op(CALLDATALOAD).op(DUP2)
        .to("r1").op(SWAP1).to("f").op(JUMP)
        .label("r1").op(DUP3, ADD, DUP2, MUL).to("r2").op(SWAP1).to("f").op(JUMP)
        .label("r2").op(ADD, ADD).returnTop()
        .label("f").push(3).op(MUL).push(1).op(ADD, SWAP1, JUMP);
    assertArrayEquals(new int[] {a.pc("r1"), a.pc("r2")}, targetsAt(a, "f"));
    for (long x : new long[] {0, 1, 12345}) {
      Differential.agree(Fork.CANCUN, a.bytes(), h -> h.input(words(x, x + 7)));
    }
  }

  // ---- helpers ----

  /** Calls f at r1 on the first calldata word, then at r2 on its result, and returns that; f's body follows. */
  private static Asm callTwice() {
    return new Asm().push(0).op(CALLDATALOAD)
        .to("r1").op(SWAP1).to("f").op(JUMP)
        .label("r1").to("r2").op(SWAP1).to("f").op(JUMP)
        .label("r2").returnTop()
        .label("f");
  }

  /** The targets the analysis gives the jump ending the block at {@code label}. */
  private static int[] targetsAt(Asm a, String label) {
    Bytecode c = a.bytes();
    BlockAnalysis b = BlockAnalysis.analyze(c.bytes(), Fork.CANCUN);
    Block block = b.blockAt(a.pc(label));
    assertEquals(true, block.end() == Block.End.JUMP || block.end() == Block.End.JUMPI, "a jump ends " + label);
    return JumpTargets.analyze(b, c.bytes()).targets(block);
  }

  /** As {@link #targetsAt} for the block after the call that starts at {@code label}. */
  private static int[] targetsOfJumpAfter(Asm a, String label) {
    Bytecode c = a.bytes();
    BlockAnalysis b = BlockAnalysis.analyze(c.bytes(), Fork.CANCUN);
    Block block = b.blockAt(b.blockAt(a.pc(label)).next());
    return JumpTargets.analyze(b, c.bytes()).targets(block);
  }

  /** Runs {@code c} with several first calldata words, and out of gas at many points. */
  private static void agreeOnInputs(Bytecode c) {
    for (long x : new long[] {0, 1, 2, 17, 300}) {
      Differential.agree(Fork.CANCUN, c, h -> h.input(word(x)));
    }
    for (long limit = 21_200; limit < 21_700; limit += 7) {
      long l = limit;
      Differential.agree(Fork.CANCUN, c, h -> h.gasLimit(l).input(word(5)));
    }
  }
}
