package org.evmjit.plugin.compiler;

import static org.evmjit.evm.opcode.Opcodes.*;
import static org.evmjit.evm.testing.Bytecode.code;
import static org.evmjit.plugin.compiler.testing.Asm.word;
import static org.evmjit.plugin.compiler.testing.Asm.words;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.testing.Bytecode;
import org.evmjit.evm.tx.ExecutionStatus;
import org.evmjit.evm.tx.TransactionResult;
import org.evmjit.evm.word.Address;
import org.evmjit.plugin.compiler.analysis.BlockAnalysis;
import org.evmjit.plugin.compiler.analysis.CarryAnalysis;
import org.evmjit.plugin.compiler.analysis.JumpTargets;
import org.evmjit.plugin.compiler.codegen.ClassEmitter;
import org.evmjit.plugin.compiler.testing.Asm;
import org.evmjit.plugin.compiler.testing.Differential;
import org.junit.jupiter.api.Test;

/**
 * Values carried in JVM locals across jumps with known targets ({@link CarryAnalysis}): loops,
 * joins of predecessors at different heights, blocks also entered by dynamic jumps, after a
 * call's resumption or from another chunk, and carried words that may not exist. Each program
 * runs on the interpreter and both JIT modes, which must agree exactly.
 */
class CarryTest {
  private static final int DUP2 = DUP1 + 1, DUP3 = DUP1 + 2, DUP4 = DUP1 + 3;
  private static final int SWAP2 = SWAP1 + 1, SWAP3 = SWAP1 + 2;
  private static final Address CALLEE = Address.fromHex("0x00000000000000000000000000000000000c0ffe");

  /** sum = 0; n = calldata[0]; while (n != 0) { sum += n * n; n -= 1 } return sum */
  private static Bytecode sumOfSquares() {
    return new Asm().push(0).push(0).op(CALLDATALOAD)
        .label("loop").op(DUP1, ISZERO).to("end").op(JUMPI)
        .op(DUP1, DUP1, MUL, DUP3, ADD, SWAP2, POP).push(1).op(SWAP1, SUB).to("loop").op(JUMP)
        .label("end").op(POP).returnTop().bytes();
  }

  @Test
  void loopCarriesValuesAcrossItsBackEdge() {
    Bytecode c = sumOfSquares();
    assertTrue(carriesSomething(c), "the loop header carries words");
    for (long n : new long[] {0, 1, 2, 17, 300}) {
      TransactionResult r = Differential.agree(Fork.CANCUN, c, h -> h.input(word(n)));
      assertEquals(ExecutionStatus.SUCCESS, r.status());
    }
    // out of gas in the middle of the loop, at many points
    for (long limit = 21_500; limit < 22_400; limit += 13) {
      long l = limit;
      Differential.agree(Fork.CANCUN, c, h -> h.gasLimit(l).input(word(50)));
    }
  }

  @Test
  void nestedLoopsAndSwappedCarries() {
    // for i in n..1: for j in i..1: acc = acc * 3 + i ^ j ; values reordered by SWAPs on the back edges
    Bytecode c = new Asm().push(1).push(0).op(CALLDATALOAD)
        .label("outer").op(DUP1, ISZERO).to("done").op(JUMPI)
        .op(DUP1)
        .label("inner").op(DUP1, ISZERO).to("innerDone").op(JUMPI)
        .op(DUP1, DUP3, XOR, DUP4).push(3).op(MUL, ADD, SWAP3, POP)
        .push(1).op(SWAP1, SUB).to("inner").op(JUMP)
        .label("innerDone").op(POP).push(1).op(SWAP1, SUB).to("outer").op(JUMP)
        .label("done").op(POP).returnTop().bytes();
    for (long n : new long[] {0, 1, 5, 23}) {
      Differential.agree(Fork.CANCUN, c, h -> h.input(word(n)));
    }
  }

  @Test
  void joinOfPredecessorsAtDifferentHeights() {
    // "join" takes two words; one predecessor reaches it one word higher than the other
    Bytecode c = new Asm().push(5).push(7).push(0).op(CALLDATALOAD).to("high").op(JUMPI)
        .to("join").op(JUMP)
        .label("high").push(11).op(SWAP1).to("join").op(JUMP)
        .label("join").op(ADD).op(DUP1).push(100).op(LT).to("join2").op(JUMPI)
        .returnTop()
        .label("join2").push(3).op(MUL).returnTop().bytes();
    for (long sel : new long[] {0, 1}) {
      TransactionResult r = Differential.agree(Fork.CANCUN, c, h -> h.input(word(sel)));
      assertEquals(ExecutionStatus.SUCCESS, r.status());
    }
  }

  @Test
  void blockAlsoEnteredByDynamicJumps() {
    // "dyn" is the target of a constant jump and of jumps to an address from calldata; "body"
    // of a constant back edge
    Bytecode c = new Asm().push(0).op(CALLDATALOAD).push(0).op(DUP2).to("dyn").op(JUMP)
        .label("body").op(DUP2, DUP2, ADD, SWAP1, POP).op(DUP2)
        .push(32).op(CALLDATALOAD).op(JUMP)
        .label("dyn").op(POP, SWAP1).push(1).op(SWAP1, SUB).op(SWAP1)
        .op(DUP2, ISZERO).to("end").op(JUMPI).to("body").op(JUMP)
        .label("end").returnTop().bytes();
    byte[] bytes = c.bytes();
    int dyn = -1;
    for (int pc = 0, jumpdests = 0; pc < bytes.length; pc++) {
      int op = bytes[pc] & 0xFF;
      if (op == JUMPDEST && ++jumpdests == 2) {
        dyn = pc;
        break;
      }
      if (op >= PUSH1 && op <= PUSH32) {
        pc += op - PUSH1 + 1;
      }
    }
    for (long n : new long[] {1, 4, 9}) {
      int d = dyn;
      TransactionResult r = Differential.agree(Fork.CANCUN, c, h -> h.input(words(n, d)));
      assertEquals(ExecutionStatus.SUCCESS, r.status());
    }
  }

  @Test
  void dynamicEntryWithTooFewWordsUnderflows() {
    // "t" takes three words and is reached by a constant jump with three, and dynamically with
    // fewer (from calldata): the loading entry must halt exactly as the interpreter does
    Bytecode c = new Asm().push(0).op(CALLDATALOAD).push(32).op(CALLDATALOAD).to("pick").op(JUMPI)
        .push(2).push(3).to("t").op(JUMP)
        .label("pick").op(JUMP)
        .label("t").op(ADD, ADD).returnTop().bytes();
    int t = c.size() - 1 - code().returnTop().size() - 2;
    for (long sel : new long[] {0, 1}) {
      long s = sel;
      Differential.agree(Fork.CANCUN, c, h -> h.input(words(t, s)).gasLimit(100_000));
    }
  }

  @Test
  void notTakenSuccessorReadsWordsItsPredecessorNeverChecked() {
    // the JUMPI block needs no words below its entry; its not-taken successor takes two, which
    // exist or not depending on the calldata
    for (int below = 0; below <= 3; below++) {
      Asm a = new Asm();
      for (int i = 0; i < below; i++) {
        a.push(10 + i);
      }
      a.to("entry").op(JUMP).label("entry");
      Bytecode c = a.push(0).op(CALLDATALOAD).to("skip").op(JUMPI)
          .op(ADD).op(DUP1).returnTop()
          .label("skip").push(9).returnTop().bytes();
      for (long sel : new long[] {0, 1}) {
        Differential.agree(Fork.CANCUN, c, h -> h.input(word(sel)).gasLimit(100_000));
      }
    }
  }

  @Test
  void valuesCarriedIntoALoopWithACall() {
    // each iteration calls; the counter and the sum live across the suspension
    Bytecode c = new Asm().push(0).push(0).op(CALLDATALOAD)
        .label("loop").op(DUP1, ISZERO).to("end").op(JUMPI)
        .push(32).push(0).push(0).push(0).push(0).push(CALLEE.toWord().toBigInteger().longValue())
        .op(GAS, CALL).push(0).op(MLOAD).op(ADD, DUP3, ADD, SWAP2, POP)
        .push(1).op(SWAP1, SUB).to("loop").op(JUMP)
        .label("end").op(POP).returnTop().bytes();
    for (long n : new long[] {0, 1, 3}) {
      Differential.agree(Fork.CANCUN, c, h -> h.input(word(n))
          .account(CALLEE, 0, code().push(7).op(CALLDATASIZE).op(ADD).returnTop()));
    }
  }

  @Test
  void loopAcrossChunks() {
    // a loop whose body spans several chunk methods: its back edge and exits leave the method
    Asm a = new Asm().push(0).push(0).op(CALLDATALOAD).label("loop").op(DUP1, ISZERO).to("end").op(JUMPI);
    for (int i = 0; i < 600; i++) {
      a.op(SWAP1).push(i).op(ADD, SWAP1).label("s" + i);
    }
    Bytecode c = a.push(1).op(SWAP1, SUB).to("loop").op(JUMP).label("end").op(POP).returnTop().bytes();
    EvmCompiler compiler = new EvmCompiler(new EvmCompiler.Options(true, UncompilablePolicy.FAIL));
    var compiled = assertInstanceOf(CompileResult.Compiled.class, compiler.compile(c.bytes(), Fork.CANCUN));
    assertTrue(compiled.classBytes().length > 0);
    for (long n : new long[] {0, 2}) {
      Differential.agree(Fork.CANCUN, c, h -> h.input(word(n)));
    }
    assertTrue(BlockAnalysis.analyze(c.bytes(), Fork.CANCUN).blocks().size() > 600);
    assertTrue(c.size() > ClassEmitter.CHUNK_BUDGET / 4, "large enough to need several chunks");
  }

  @Test
  void unreachableCarryingBlockStillVerifies() {
    // pc 0 underflows; the JUMPI's constant condition makes its not-taken successor (which
    // carries a deep word for its DUP7) unreachable, so nothing stores that word's carry locals
    Differential.agree(code().raw("0661000a610018576100048661000d566100105661001557"));
    Differential.agree(code().push(1).push(2).raw("0661000a610018576100048661000d566100105661001557"));
  }

  @Test
  void carriesAreBoundedByWhatTheBlockReads() {
    Bytecode c = sumOfSquares();
    BlockAnalysis a = BlockAnalysis.analyze(c.bytes(), Fork.CANCUN);
    int[] carries = CarryAnalysis.carries(a, c.bytes(), JumpTargets.analyze(a, c.bytes()), 8);
    for (var b : a.blocks()) {
      int deepest = 32 - Integer.numberOfLeadingZeros(carries[b.index()]);
      assertTrue(deepest <= b.minHeight(), "block at " + b.start());
    }
    int[] none = CarryAnalysis.carries(a, c.bytes(), JumpTargets.analyze(a, c.bytes()), 0);
    for (int k : none) {
      assertEquals(0, k);
    }
  }

  private static boolean carriesSomething(Bytecode c) {
    BlockAnalysis a = BlockAnalysis.analyze(c.bytes(), Fork.CANCUN);
    for (int k : CarryAnalysis.carries(a, c.bytes(), JumpTargets.analyze(a, c.bytes()), 8)) {
      if (k > 0) {
        return true;
      }
    }
    return false;
  }
}
