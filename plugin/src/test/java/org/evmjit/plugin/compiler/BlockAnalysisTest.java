package org.evmjit.plugin.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.frame.Code;
import org.evmjit.plugin.compiler.analysis.Block;
import org.evmjit.plugin.compiler.analysis.BlockAnalysis;
import org.junit.jupiter.api.Test;

class BlockAnalysisTest {
  private static BlockAnalysis analyze(String hex) {
    return BlockAnalysis.analyze(HexFormat.of().parseHex(hex), Fork.CANCUN);
  }

  @Test
  void blocksStartAtJumpDestsAndAfterJumpiAndCalls() {
    // PUSH1 1, PUSH1 6, JUMPI | PUSH0 STOP | JUMPDEST, GAS, CALL... | after call: STOP
    BlockAnalysis a = analyze("6001600657" + "5f00" + "5b5f5f5f5f5f5f5af1" + "00");
    List<Block> b = a.blocks();
    assertEquals(List.of(0, 5, 7, 16), b.stream().map(Block::start).toList());
    assertEquals(Block.End.JUMPI, b.get(0).end());
    assertEquals(Block.End.TERMINATE, b.get(1).end());
    assertEquals(Block.End.SUSPEND, b.get(2).end());
    assertTrue(b.get(2).jumpDest());
    assertTrue(b.get(3).entry(), "resumption point");
    assertFalse(b.get(1).entry());
  }

  @Test
  void jumpDestInPushDataIsData() {
    BlockAnalysis a = analyze("605b" + "5b" + "00");
    assertFalse(a.isJumpDest(1));
    assertTrue(a.isJumpDest(2));
    assertEquals(new Code(HexFormat.of().parseHex("605b5b00")).isJumpDest(1), a.isJumpDest(1));
  }

  @Test
  void deadCodeGetsNoBlockAndTheEndIsAStop() {
    BlockAnalysis a = analyze("00" + "6001" + "5b" + "60");
    assertEquals(List.of(0, 3, 5), a.blocks().stream().map(Block::start).toList());
    assertNull(a.blockAt(1));
    Block end = a.blocks().get(2);
    assertEquals(0, end.size());
    assertEquals(5, end.start(), "truncated PUSH1 falls off the end into the implicit STOP");
  }

  @Test
  void staticGasAndStackBoundsAreSummed() {
    // JUMPDEST(1) ADD(3) DUP3(3) SWAP1(3) POP(2) PUSH1(3) MUL(5) STOP
    Block b = analyze("5b" + "01" + "82" + "90" + "50" + "6001" + "02" + "00").blocks().get(0);
    assertEquals(1 + 3 + 3 + 3 + 2 + 3 + 5, b.staticGas());
    assertEquals(4, b.minHeight(), "DUP3 after ADD needs 4 at entry");
    assertEquals(0, b.maxHeight());
    assertEquals(5 + 3 + 2 + 3 + 3, b.gasAfter()[1]);
  }

  @Test
  void longRunsAreSplit() {
    StringBuilder hex = new StringBuilder();
    for (int i = 0; i < BlockAnalysis.MAX_BLOCK_INSTRUCTIONS * 2 + 3; i++) {
      hex.append("5f");
    }
    List<Block> b = analyze(hex.toString()).blocks();
    assertEquals(BlockAnalysis.MAX_BLOCK_INSTRUCTIONS, b.get(0).size());
    assertEquals(Block.End.FALL_THROUGH, b.get(0).end());
    assertEquals(BlockAnalysis.MAX_BLOCK_INSTRUCTIONS, b.get(1).start());
  }

  @Test
  void undefinedOpcodesTerminatePerFork() {
    assertEquals(Block.End.TERMINATE, BlockAnalysis.analyze(new byte[] {0x5f, 0x01}, Fork.PARIS).blocks().get(0).end());
    assertEquals(Block.End.FALL_THROUGH, BlockAnalysis.analyze(new byte[] {0x5f, 0x01}, Fork.CANCUN).blocks().get(0).end());
  }
}
