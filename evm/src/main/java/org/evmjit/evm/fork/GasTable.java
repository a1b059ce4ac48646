package org.evmjit.evm.fork;

import static org.evmjit.evm.opcode.Opcodes.*;

import org.evmjit.evm.opcode.OpcodeTable;

/**
 * Static gas per opcode per fork: Frontier's table, then each fork's edits. Only opcodes defined
 * in a fork have a cost there; dynamic parts (memory, copies, cold access, value transfer) are in
 * {@link GasSchedule}. Under EIP-2929 the static cost of an access opcode is its warm cost.
 */
public final class GasTable {
  private static final int[][] TABLES = new int[Fork.values().length][];

  static {
    int[] t = frontier();
    for (Fork f : Fork.values()) {
      switch (f) {
        case TANGERINE_WHISTLE -> { // EIP-150
          t[BALANCE] = 400;
          t[EXTCODESIZE] = 700;
          t[EXTCODECOPY] = 700;
          t[SLOAD] = 200;
          t[CALL] = t[CALLCODE] = t[DELEGATECALL] = 700;
          t[SELFDESTRUCT] = 5000;
        }
        case BYZANTIUM -> {
          t[RETURNDATASIZE] = 2;
          t[RETURNDATACOPY] = 3;
          t[STATICCALL] = 700;
          t[REVERT] = 0;
        }
        case CONSTANTINOPLE -> {
          t[SHL] = t[SHR] = t[SAR] = 3;
          t[EXTCODEHASH] = 400;
          t[CREATE2] = 32000;
        }
        case ISTANBUL -> { // EIP-1884
          t[BALANCE] = 700;
          t[EXTCODEHASH] = 700;
          t[SLOAD] = 800;
          t[CHAINID] = 2;
          t[SELFBALANCE] = 5;
        }
        case BERLIN -> { // EIP-2929: static part is the warm cost
          t[BALANCE] = t[EXTCODESIZE] = t[EXTCODECOPY] = t[EXTCODEHASH] = 100;
          t[CALL] = t[CALLCODE] = t[DELEGATECALL] = t[STATICCALL] = 100;
          t[SLOAD] = 100;
        }
        case LONDON -> t[BASEFEE] = 2;
        case SHANGHAI -> t[PUSH0] = 2;
        case CANCUN -> {
          t[TLOAD] = t[TSTORE] = 100;
          t[MCOPY] = 3;
          t[BLOBHASH] = 3;
          t[BLOBBASEFEE] = 2;
        }
        case OSAKA -> t[CLZ] = 5; // EIP-7939
        default -> {}
      }
      int[] copy = t.clone();
      for (int op = 0; op < 256; op++) {
        if (!OpcodeTable.isDefined(op, f)) {
          copy[op] = 0;
        }
      }
      TABLES[f.ordinal()] = copy;
    }
  }

  private GasTable() {}

  /** Static gas of every opcode in {@code fork} (0 for undefined ones); do not modify. */
  public static int[] staticGas(Fork fork) {
    return TABLES[fork.ordinal()];
  }

  private static int[] frontier() {
    int[] t = new int[256];
    int[] base = {ADDRESS, ORIGIN, CALLER, CALLVALUE, CALLDATASIZE, CODESIZE, GASPRICE, COINBASE,
        TIMESTAMP, NUMBER, PREVRANDAO, GASLIMIT, POP, PC, MSIZE, GAS};
    for (int op : base) t[op] = 2;
    int[] veryLow = {ADD, SUB, NOT, LT, GT, SLT, SGT, EQ, ISZERO, AND, OR, XOR, BYTE, CALLDATALOAD,
        MLOAD, MSTORE, MSTORE8, CALLDATACOPY, CODECOPY};
    for (int op : veryLow) t[op] = 3;
    for (int op = PUSH1; op <= SWAP16; op++) t[op] = 3;
    int[] low = {MUL, DIV, SDIV, MOD, SMOD, SIGNEXTEND};
    for (int op : low) t[op] = 5;
    t[ADDMOD] = t[MULMOD] = t[JUMP] = 8;
    t[JUMPI] = t[EXP] = 10;
    t[JUMPDEST] = 1;
    t[KECCAK256] = 30;
    t[BALANCE] = t[EXTCODESIZE] = t[EXTCODECOPY] = t[BLOCKHASH] = 20;
    t[SLOAD] = 50;
    for (int n = 0; n <= 4; n++) t[LOG0 + n] = 375 + 375 * n;
    t[CREATE] = 32000;
    t[CALL] = t[CALLCODE] = t[DELEGATECALL] = 40;
    return t;
  }
}
