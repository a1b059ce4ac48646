package org.evmjit.evm.interpreter;

import static org.evmjit.evm.opcode.Opcodes.*;

import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.fork.GasTable;
import org.evmjit.evm.frame.Frame;
import org.evmjit.evm.frame.HaltReason;
import org.evmjit.evm.host.Host;
import org.evmjit.evm.opcode.OpcodeInfo;
import org.evmjit.evm.opcode.OpcodeTable;
import org.evmjit.evm.exec.ExecutionEngine;
import org.evmjit.evm.trace.Tracer;
import org.evmjit.evm.word.Uint256;

/**
 * The reference engine: runs one frame until it finishes or suspends for a child call.
 *
 * <p>Before each instruction it checks, from per-fork tables, that the opcode exists, that the
 * stack holds its inputs and has room for its outputs, and charges its static gas; the
 * instruction body then assumes those hold (evmone's split). Simple, hot instructions are inlined
 * in the loop; the rest are in {@link Instructions}, shared with compiled code. Keep
 * {@link #execute} under HotSpot's 8000-byte limit for JIT compilation (the plugin module's
 * {@code InterpreterSizeTest} checks):
 * benchmark any change to it.
 */
public final class Interpreter implements ExecutionEngine {
  private static final Interpreter[] BY_FORK = new Interpreter[Fork.values().length];

  static {
    for (Fork f : Fork.values()) {
      BY_FORK[f.ordinal()] = new Interpreter(f);
    }
  }

  private final int[] staticGas;
  /** Least stack height the opcode needs; {@code Integer.MAX_VALUE} marks undefined opcodes. */
  private final int[] minStack = new int[256];
  /** Greatest stack height at which the opcode still fits. */
  private final int[] maxStack = new int[256];

  private Interpreter(Fork fork) {
    staticGas = GasTable.staticGas(fork);
    for (int op = 0; op < 256; op++) {
      OpcodeInfo info = OpcodeTable.info(op);
      if (OpcodeTable.isDefined(op, fork)) {
        minStack[op] = info.stackIn();
        maxStack[op] = Frame.MAX_STACK - Math.max(0, info.stackGrowth());
      } else {
        minStack[op] = Integer.MAX_VALUE;
        maxStack[op] = Frame.MAX_STACK;
      }
    }
  }

  public static Interpreter forFork(Fork fork) {
    return BY_FORK[fork.ordinal()];
  }

  @Override
  public int execute(Frame f, Host host, Tracer tracer) {
    final byte[] code = f.code.bytes();
    final int codeLength = code.length;
    final long[] s = f.stack;
    final int[] gasTable = staticGas;
    int pc = f.pc;
    int sp = f.sp;
    long gas = f.gas;
    while (true) {
      int op = pc < codeLength ? code[pc] & 0xFF : STOP;
      if (tracer != null) {
        tracer.onInstruction(pc, op, gas, gasTable[op], f.memory.size(), s, sp, f.returnData,
            f.depth + 1, host.refund());
      }
      if (sp < minStack[op]) {
        f.pc = pc;
        return f.halt(minStack[op] == Integer.MAX_VALUE ? HaltReason.INVALID_OPCODE : HaltReason.STACK_UNDERFLOW);
      }
      if (sp > maxStack[op]) {
        f.pc = pc;
        return f.halt(HaltReason.STACK_OVERFLOW);
      }
      gas -= gasTable[op];
      if (gas < 0) {
        f.pc = pc;
        return f.halt(HaltReason.OUT_OF_GAS);
      }
      int t = (sp - 1) << 2;
      switch (op) {
        case STOP -> {
          f.pc = pc;
          f.gas = gas;
          return f.succeed(Instructions.NO_OUTPUT);
        }
        case ADD -> { Uint256.add(s, t, t - 4); sp--; pc++; }
        case MUL -> { Uint256.mul(s, t, t - 4); sp--; pc++; }
        case SUB -> { Uint256.sub(s, t, t - 4); sp--; pc++; }
        case DIV -> { Uint256.div(s, t, t - 4); sp--; pc++; }
        case SDIV -> { Uint256.sdiv(s, t, t - 4); sp--; pc++; }
        case MOD -> { Uint256.mod(s, t, t - 4); sp--; pc++; }
        case SMOD -> { Uint256.smod(s, t, t - 4); sp--; pc++; }
        case ADDMOD -> { Uint256.addmod(s, t, t - 4, t - 8); sp -= 2; pc++; }
        case MULMOD -> { Uint256.mulmod(s, t, t - 4, t - 8); sp -= 2; pc++; }
        case SIGNEXTEND -> { Uint256.signextend(s, t, t - 4); sp--; pc++; }
        case LT -> { Uint256.lt(s, t, t - 4); sp--; pc++; }
        case GT -> { Uint256.gt(s, t, t - 4); sp--; pc++; }
        case SLT -> { Uint256.slt(s, t, t - 4); sp--; pc++; }
        case SGT -> { Uint256.sgt(s, t, t - 4); sp--; pc++; }
        case EQ -> { Uint256.eq(s, t, t - 4); sp--; pc++; }
        case ISZERO -> { Uint256.iszero(s, t); pc++; }
        case AND -> { Uint256.and(s, t, t - 4); sp--; pc++; }
        case OR -> { Uint256.or(s, t, t - 4); sp--; pc++; }
        case XOR -> { Uint256.xor(s, t, t - 4); sp--; pc++; }
        case NOT -> { Uint256.not(s, t); pc++; }
        case BYTE -> { Uint256.byteOp(s, t, t - 4); sp--; pc++; }
        case SHL -> { Uint256.shl(s, t, t - 4); sp--; pc++; }
        case SHR -> { Uint256.shr(s, t, t - 4); sp--; pc++; }
        case SAR -> { Uint256.sar(s, t, t - 4); sp--; pc++; }
        case CLZ -> { Uint256.clz(s, t); pc++; }
        case POP -> { sp--; pc++; }
        case MLOAD -> {
          long offset = MemoryGas.operand(s, t);
          gas = MemoryGas.expand(f, gas, offset, 32);
          if (gas < 0) {
            f.pc = pc;
            return f.halt(HaltReason.OUT_OF_GAS);
          }
          f.memory.loadWord((int) offset, s, t);
          pc++;
        }
        case MSTORE -> {
          long offset = MemoryGas.operand(s, t);
          gas = MemoryGas.expand(f, gas, offset, 32);
          if (gas < 0) {
            f.pc = pc;
            return f.halt(HaltReason.OUT_OF_GAS);
          }
          f.memory.storeWord((int) offset, s, t - 4);
          sp -= 2;
          pc++;
        }
        case MSTORE8 -> {
          long offset = MemoryGas.operand(s, t);
          gas = MemoryGas.expand(f, gas, offset, 1);
          if (gas < 0) {
            f.pc = pc;
            return f.halt(HaltReason.OUT_OF_GAS);
          }
          f.memory.storeByte((int) offset, (byte) s[t - 4]);
          sp -= 2;
          pc++;
        }
        case JUMP -> {
          if (!Instructions.isJumpTarget(f, s, t)) {
            f.pc = pc;
            return f.halt(HaltReason.INVALID_JUMP);
          }
          pc = (int) s[t];
          sp--;
        }
        case JUMPI -> {
          if (Uint256.isZero(s, t - 4)) {
            pc++;
          } else if (Instructions.isJumpTarget(f, s, t)) {
            pc = (int) s[t];
          } else {
            f.pc = pc;
            return f.halt(HaltReason.INVALID_JUMP);
          }
          sp -= 2;
        }
        case PC -> { Uint256.set(s, t + 4, pc, 0, 0, 0); sp++; pc++; }
        case MSIZE -> { Uint256.set(s, t + 4, f.memory.size(), 0, 0, 0); sp++; pc++; }
        case GAS -> { Uint256.set(s, t + 4, gas, 0, 0, 0); sp++; pc++; }
        case JUMPDEST -> pc++;
        case PUSH0 -> { Uint256.set(s, t + 4, 0, 0, 0, 0); sp++; pc++; }
        case PUSH1 -> {
          Uint256.set(s, t + 4, pc + 1 < codeLength ? code[pc + 1] & 0xFF : 0, 0, 0, 0);
          sp++;
          pc += 2;
        }
        case 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e,
            0x6f, 0x70, 0x71, 0x72, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7a, 0x7b, 0x7c,
            0x7d, 0x7e, 0x7f -> {
          int n = op - PUSH1 + 1;
          Instructions.push(s, t + 4, code, pc + 1, n);
          sp++;
          pc += n + 1;
        }
        case 0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8d,
            0x8e, 0x8f -> {
          Uint256.copy(s, t - ((op - DUP1) << 2), t + 4);
          sp++;
          pc++;
        }
        case 0x90, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0x9b, 0x9c, 0x9d,
            0x9e, 0x9f -> {
          Instructions.swap(s, t, t - ((op - SWAP1 + 1) << 2));
          pc++;
        }
        case CALLDATALOAD -> { Instructions.callDataLoad(f.input, s, t); pc++; }
        case CALLDATASIZE -> { Uint256.set(s, t + 4, f.input.length, 0, 0, 0); sp++; pc++; }
        case CALLVALUE -> { f.value.toLimbs(s, t + 4); sp++; pc++; }
        case CALLER -> { f.caller.toLimbs(s, t + 4); sp++; pc++; }
        case ADDRESS -> { f.address.toLimbs(s, t + 4); sp++; pc++; }
        default -> {
          f.pc = pc + 1;
          f.sp = sp;
          f.gas = gas;
          int result = Instructions.execute(op, f, host);
          if (result != Frame.CONTINUE) {
            return result;
          }
          pc = f.pc;
          sp = f.sp;
          gas = f.gas;
        }
      }
    }
  }
}
