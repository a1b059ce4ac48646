package org.evmjit.statetest.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.opcode.OpcodeTable;
import org.evmjit.evm.precompile.Precompiles;
import org.evmjit.evm.word.Address;

/**
 * Random EVM programs for differential fuzzing, of two kinds: random bytes biased towards defined
 * opcodes (undefined opcodes, truncated pushes, stack underflows, jumps anywhere), and structured
 * programs built from snippets that exercise what a compiler can get wrong: constant and dynamic
 * jumps (valid, into PUSH data, out of range), loops, deep stacks with DUP/SWAP, memory growth,
 * storage with the SSTORE sentry, GAS mid-block, calls into another generated contract
 * (CALL/STATICCALL/DELEGATECALL/CALLCODE), calls of the fork's precompiles, CREATE, logs,
 * RETURN/REVERT. Only opcodes and precompiles the fork defines are chosen on purpose.
 */
public final class ProgramGenerator {
  /** Address of the second contract the first one calls. */
  public static final String CALLEE = "0x00000000000000000000000000000000000c0ffe";

  /** Precompile input lengths: empty, words, and each precompile's expected sizes. */
  private static final int[] PRECOMPILE_INPUT_LENGTHS = {0, 1, 32, 64, 96, 128, 160, 192, 213, 256, 288, 384, 512};

  private final Random rnd;
  private final Fork fork;
  private final int[] arithmetic;
  private final List<Address> precompiles;

  public ProgramGenerator(Random rnd, Fork fork) {
    this.rnd = rnd;
    this.fork = fork;
    this.arithmetic = IntStream.of(ARITHMETIC).filter(op -> OpcodeTable.isDefined(op, fork)).toArray();
    this.precompiles = Precompiles.addresses(fork);
  }

  /** Random bytes, mostly defined opcodes, with JUMPDESTs and jumps to them. */
  public byte[] randomBytes(int maxLength) {
    int n = 1 + rnd.nextInt(maxLength);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (out.size() < n) {
      int r = rnd.nextInt(100);
      if (r < 60) {
        int op;
        do {
          op = rnd.nextInt(256);
        } while (!OpcodeTable.isDefined(op, fork) && rnd.nextInt(10) != 0);
        if (op >= 0xf0 && op != 0xf3 && op != 0xfd && rnd.nextInt(4) != 0) {
          continue; // fewer calls and creates with random operands
        }
        out.write(op);
        if (op >= 0x60 && op <= 0x7f && rnd.nextInt(20) != 0) {
          byte[] imm = new byte[op - 0x5f];
          rnd.nextBytes(imm);
          out.writeBytes(imm);
        }
      } else if (r < 70) {
        out.write(0x5b);
      } else if (r < 85) {
        pushSmall(out, rnd.nextInt(n + 4));
        out.write(rnd.nextBoolean() ? 0x56 : 0x57);
      } else {
        pushSmall(out, rnd.nextInt(64));
      }
    }
    return out.toByteArray();
  }

  /** A program of snippets, ending in RETURN or REVERT of some memory. */
  public byte[] structured(boolean isCallee) {
    Asm a = new Asm();
    int snippets = 1 + rnd.nextInt(isCallee ? 6 : 14);
    for (int i = 0; i < snippets; i++) {
      snippet(a, isCallee);
    }
    a.push(rnd.nextInt(96)).push(rnd.nextInt(64));
    a.op(rnd.nextInt(8) == 0 ? 0xfd : 0xf3);
    return a.bytes();
  }

  private void snippet(Asm a, boolean isCallee) {
    switch (rnd.nextInt(isCallee ? 12 : 15)) {
      case 0 -> { // arithmetic on constants and calldata
        a.push(word()).push(rnd.nextInt(3) * 32).op(0x35);
        a.op(arith()).push(word()).op(arith()).push(rnd.nextInt(8) * 32).op(0x52);
      }
      case 1 -> { // constant jump over junk into a JUMPDEST, or into PUSH data
        int fwd = a.size() + 2 + 3 + 3;
        if (rnd.nextInt(6) == 0) {
          a.push16(fwd - 1).op(0x56); // lands inside PUSH data below
        } else {
          a.push16(fwd + 2).op(0x56);
        }
        a.op(0x61).op(0x5b).op(0x5b).op(0xfe).op(0xfe).op(0x5b);
      }
      case 2 -> { // loop: counter from calldata byte, bounded
        int n = 1 + rnd.nextInt(20);
        a.push(n);
        int top = a.size();
        a.op(0x5b).push(1).op(0x90).op(0x03).op(0x80).op(0x80).push(rnd.nextInt(4) * 32).op(0x52);
        a.push16(top).op(0x57);
      }
      case 3 -> { // memory growth and copies
        a.push(word()).push(rnd.nextInt(rnd.nextBoolean() ? 64 : 4096)).op(rnd.nextBoolean() ? 0x52 : 0x53);
        a.push(rnd.nextInt(64)).push(rnd.nextInt(64)).push(rnd.nextInt(200)).op(0x5e);
        a.push(rnd.nextInt(300)).op(0x51).op(0x50).op(0x59).push(0x40).op(0x52);
      }
      case 4 -> { // storage: load, store, sentry-sensitive
        a.push(rnd.nextInt(3)).op(0x54).push(word()).op(0x01).push(rnd.nextInt(3)).op(0x55);
        a.op(0x5a).push(rnd.nextInt(3) + 5).op(0x55);
      }
      case 5 -> { // deep stack: pushes, DUPs and SWAPs, then pops
        int depth = 1 + rnd.nextInt(17);
        for (int i = 0; i < depth; i++) {
          a.push(word());
        }
        for (int i = 0; i < 6; i++) {
          int k = rnd.nextInt(depth);
          a.op(rnd.nextBoolean() ? 0x80 + k : 0x90 + Math.max(0, k - 1));
          a.op(arith());
        }
        a.push(0x60).op(0x52);
      }
      case 6 -> { // GAS mid-block, kept
        a.push(1).push(2).op(0x01).op(0x5a).op(0x01).push(0x80).op(0x52);
      }
      case 7 -> { // dynamic jump through calldata or computed: maybe valid, maybe not
        int target = a.size() + 9;
        a.push16(target - rnd.nextInt(2)).push(0).op(0x35).push(255).op(0x16).op(0x18);
        a.op(0x56).op(0x5b);
      }
      case 8 -> { // logs
        int topics = rnd.nextInt(5);
        for (int i = 0; i < topics; i++) {
          a.push(word());
        }
        a.push(rnd.nextInt(64)).push(rnd.nextInt(64)).op(0xa0 + topics);
      }
      case 9 -> { // keccak, exp, signed ops
        a.push(rnd.nextInt(64)).push(rnd.nextInt(64)).op(0x20).push(word()).op(0x0a);
        a.push(word()).op(new int[] {0x05, 0x07, 0x0b, 0x1d, 0x12, 0x13}[rnd.nextInt(6)]).push(0xa0).op(0x52);
      }
      case 10 -> { // JUMPI on calldata
        int over = a.size() + 3 + 3 + 3 + 1 + 3;
        a.push(0).op(0x35).push(1).op(0x16).push16(over).op(0x57);
        a.push(word()).op(0x50).op(0x5b);
      }
      case 11 -> precompileCall(a);
      default -> { // a call into the callee or a create; values live across it
        a.push(word()).push(rnd.nextInt(1000));
        int kind = rnd.nextInt(5);
        a.push(32).push(rnd.nextInt(64)).push(32).push(0);
        if (kind == 0 || kind == 1) {
          a.push(rnd.nextInt(3)); // value
        }
        if (kind == 4) {
          a.op(0x50).op(0x50).op(0x50).op(0x50);
          a.push(rnd.nextInt(2)).push(rnd.nextInt(16)).push(0).op(0xf0);
        } else {
          a.pushHex(CALLEE.substring(2));
          a.push(rnd.nextBoolean() ? 0 : rnd.nextInt(100_000)).op(0x5a);
          if (rnd.nextBoolean()) {
            a.op(0x90).op(0x50);
          } else {
            a.op(0x50);
          }
          a.op(new int[] {0xf1, 0xf2, 0xf4, 0xfa}[kind]);
        }
        a.op(0x01).op(0x01).push(0xc0).op(0x52);
      }
    }
  }

  /**
   * CALL or STATICCALL of one of the fork's precompiles with a few words of memory as input, an
   * input length from {@link #PRECOMPILE_INPUT_LENGTHS} and all or some gas; the success flag plus
   * RETURNDATASIZE is kept.
   */
  private void precompileCall(Asm a) {
    int words = rnd.nextInt(8);
    for (int i = 0; i < words; i++) {
      a.push(word()).push(32 * i).op(0x52);
    }
    a.push(32).push(rnd.nextInt(64)); // retSize retOffset
    a.push(PRECOMPILE_INPUT_LENGTHS[rnd.nextInt(PRECOMPILE_INPUT_LENGTHS.length)]).push(0);
    boolean staticCall = rnd.nextBoolean();
    if (!staticCall) {
      a.push(rnd.nextInt(4) == 0 ? 1 : 0); // value
    }
    a.push(precompiles.get(rnd.nextInt(precompiles.size())).low());
    if (rnd.nextBoolean()) {
      a.op(0x5a);
    } else {
      a.push(rnd.nextInt(200_000));
    }
    a.op(staticCall ? 0xfa : 0xf1);
    a.op(0x3d).op(0x01).push(0xe0).op(0x52);
  }

  /** Operators for the arithmetic snippets (CLZ, a unary one, only where the fork has it). */
  private static final int[] ARITHMETIC = {0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x0b, 0x10, 0x11, 0x12,
      0x13, 0x14, 0x16, 0x17, 0x18, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e};

  private int arith() {
    return arithmetic[rnd.nextInt(arithmetic.length)];
  }

  /** An interesting 256-bit value as hex digits. */
  private String word() {
    return switch (rnd.nextInt(8)) {
      case 0 -> "00";
      case 1 -> "01";
      case 2 -> "ff".repeat(32);
      case 3 -> "80" + "00".repeat(31);
      case 4 -> String.format("%02x", rnd.nextInt(256));
      case 5 -> String.format("%04x", 1 << rnd.nextInt(16));
      default -> {
        byte[] b = new byte[1 + rnd.nextInt(32)];
        rnd.nextBytes(b);
        yield java.util.HexFormat.of().formatHex(b);
      }
    };
  }

  private static void pushSmall(ByteArrayOutputStream out, int v) {
    out.write(0x61);
    out.write(v >>> 8);
    out.write(v);
  }

  /** A tiny assembler. */
  static final class Asm {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    int size() {
      return out.size();
    }

    Asm op(int op) {
      out.write(op);
      return this;
    }

    Asm push(long v) {
      return pushHex(Long.toHexString(v));
    }

    Asm push(String hex) {
      return pushHex(hex);
    }

    Asm push16(int v) {
      out.write(0x61);
      out.write(v >>> 8);
      out.write(v);
      return this;
    }

    Asm pushHex(String hex) {
      if (hex.length() % 2 == 1) {
        hex = "0" + hex;
      }
      byte[] b = java.util.HexFormat.of().parseHex(hex);
      if (b.length == 0) {
        b = new byte[1];
      }
      out.write(0x5f + b.length);
      out.writeBytes(b);
      return this;
    }

    byte[] bytes() {
      return out.toByteArray();
    }
  }

  /** Everything one fuzz case needs. */
  public record Case(byte[] code, byte[] callee, byte[] input, long gasLimit, long value) {}

  public Case next() {
    boolean random = rnd.nextInt(3) == 0;
    byte[] code = random ? randomBytes(rnd.nextBoolean() ? 64 : 600) : structured(false);
    byte[] callee = rnd.nextInt(3) == 0 ? randomBytes(100) : structured(true);
    byte[] input = new byte[32 * rnd.nextInt(4)];
    rnd.nextBytes(input);
    long[] limits = {21_000 + rnd.nextInt(200), 21_000 + rnd.nextInt(5_000), 30_000 + rnd.nextInt(50_000), 1_000_000};
    long gas = limits[rnd.nextInt(limits.length)] + 16L * input.length + 4L * input.length;
    return new Case(code, callee, input, gas, rnd.nextInt(4) == 0 ? 1 : 0);
  }

}
