package org.evmjit.plugin.compiler;

import static org.evmjit.evm.opcode.Opcodes.*;
import static org.evmjit.evm.testing.Bytecode.code;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.testing.Bytecode;
import org.evmjit.evm.tx.ExecutionStatus;
import org.evmjit.evm.tx.TransactionResult;
import org.evmjit.plugin.compiler.testing.Differential;
import org.junit.jupiter.api.Test;

/**
 * Runs of lone JUMPDESTs, which share one entry per chunk instead of code and a switch key per
 * JUMPDEST ({@code codegen.JumpDestRuns}): entered dynamically at every kind of position, by
 * falling through, by a JUMPI's not-taken path and by a constant jump into their middle, ending
 * at a block that carries words, at the end of the code and in the next chunk, with the gas
 * running out inside the run. Each program runs on the interpreter and both JIT modes, which must agree.
 */
class JumpDestRunTest {
  private static byte[] word(long v) {
    byte[] w = new byte[32];
    for (int i = 0; i < 8; i++) {
      w[31 - i] = (byte) (v >>> (8 * i));
    }
    return w;
  }

  private static Bytecode jumpdests(Bytecode c, int n) {
    for (int i = 0; i < n; i++) {
      c.op(JUMPDEST);
    }
    return c;
  }

  /** {@code PUSH1 0 CALLDATALOAD JUMP}, {@code n} JUMPDESTs from pc 4, then {@code JUMPDEST PUSH1 7} and a return. */
  private static Bytecode dynamicEntry(int n) {
    return jumpdests(code().push(0).op(CALLDATALOAD, JUMP), n).op(JUMPDEST).push(7).returnTop();
  }

  @Test
  void dynamicJumpsIntoALongRun() {
    int n = 2000;
    Bytecode c = dynamicEntry(n);
    for (long target : new long[] {4, 5, 700, 1500, 4 + n - 1, 4 + n, 3, 4 + n + 1}) {
      TransactionResult r = Differential.agree(Fork.CANCUN, c, h -> h.input(word(target)));
      if (target >= 4 && target <= 4 + n) {
        assertEquals(ExecutionStatus.SUCCESS, r.status());
      }
    }
  }

  @Test
  void gasRunsOutInsideTheRun() {
    Bytecode c = dynamicEntry(1200);
    for (long target : new long[] {4, 600}) {
      for (long limit = 21_300; limit < 23_000; limit += 41) {
        long l = limit;
        Differential.agree(Fork.CANCUN, c, h -> h.input(word(target)).gasLimit(l));
      }
    }
  }

  @Test
  void fallThroughNotTakenPathAndConstantJumpIntoTheMiddle() {
    // n = calldata; a run entered by falling through from PUSHes, ending at a loop header that
    // carries its counter; the loop's back edge jumps into the middle of the run, and a second
    // run follows the loop's JUMPI (its not-taken path)
    Bytecode c = code().push(0).op(CALLDATALOAD).push(0).op(SWAP1); // sum, n
    int head = c.size(); // 6
    jumpdests(c, 6); // 6..11
    int loop = c.size(); // 12
    int end = loop + 24;
    c.op(JUMPDEST, DUP1, ISZERO).op(PUSH1 + 1, end >> 8, end & 0xFF).op(JUMPI); // 12..18
    jumpdests(c, 3); // 19..21: the not-taken path's run (21 starts the next block)
    c.op(DUP1, SWAP1 + 1, ADD, SWAP1).push(1).op(SWAP1, SUB); // 22..29: sum += n; n -= 1
    c.op(PUSH1 + 1, 0, head + 3).op(JUMP); // 30..33: into the middle of the first run
    c.op(STOP, STOP); // 34, 35
    assertEquals(end, c.size());
    c.op(JUMPDEST, POP).returnTop();
    for (long n : new long[] {0, 1, 5}) {
      TransactionResult r = Differential.agree(Fork.CANCUN, c, h -> h.input(word(n)));
      assertEquals(ExecutionStatus.SUCCESS, r.status());
    }
    for (long limit = 21_400; limit < 22_000; limit += 7) {
      long l = limit;
      Differential.agree(Fork.CANCUN, c, h -> h.input(word(9)).gasLimit(l));
    }
  }

  @Test
  void runAtTheEndOfTheCode() {
    Bytecode c = jumpdests(code().push(0).op(CALLDATALOAD, JUMP), 10);
    for (long target : new long[] {4, 9, 13, 14}) {
      Differential.agree(Fork.CANCUN, c, h -> h.input(word(target)));
    }
    // a run after a JUMPI (its not-taken path), which jumps into the run's middle when taken
    Bytecode d = jumpdests(code().push(0).op(CALLDATALOAD).push(9).op(JUMPI), 12).push(1).op(DUP1, POP);
    for (long sel : new long[] {0, 1}) {
      Differential.agree(Fork.CANCUN, d, h -> h.input(word(sel)));
    }
  }

  @Test
  void runsWhoseEndBlockIsInTheNextChunk() {
    // segments of [a run of 4 lone JUMPDESTs][JUMPDEST and a long block], of varying lengths, so
    // that chunk boundaries fall between some run and the block at its end
    Bytecode c = code().push(0).op(CALLDATALOAD, JUMP);
    int[] runStarts = new int[60];
    for (int s = 0; s < runStarts.length; s++) {
      runStarts[s] = c.size();
      jumpdests(c, 5);
      for (int k = 0; k < 10 + s % 7; k++) {
        c.push(0x1234567 + s).op(CALLVALUE, ADD, POP);
      }
    }
    c.push(3).returnTop();
    EvmCompiler compiler = new EvmCompiler(new EvmCompiler.Options(true, UncompilablePolicy.FAIL));
    assertTrue(assertInstanceOf(CompileResult.Compiled.class, compiler.compile(c.bytes(), Fork.CANCUN)).methods() > 3,
        "spans several chunks");
    for (int s = 0; s < runStarts.length; s += 3) {
      long target = runStarts[s] + s % 5;
      TransactionResult r = Differential.agree(Fork.CANCUN, c, h -> h.input(word(target)));
      assertEquals(ExecutionStatus.SUCCESS, r.status());
    }
  }

  @Test
  void aLoneJumpdestHasNoCodeOfItsOwn() {
    EvmCompiler compiler = new EvmCompiler(new EvmCompiler.Options(true, UncompilablePolicy.FAIL));
    int small = classSize(compiler, dynamicEntry(1000));
    int large = classSize(compiler, dynamicEntry(20000));
    assertTrue(large - small < 19000, "bytes per lone JUMPDEST: " + (large - small) / 19000.0);
  }

  private static int classSize(EvmCompiler compiler, Bytecode c) {
    return assertInstanceOf(CompileResult.Compiled.class, compiler.compile(c.bytes(), Fork.CANCUN)).classSize();
  }
}
