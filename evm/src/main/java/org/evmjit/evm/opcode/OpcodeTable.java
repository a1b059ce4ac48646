package org.evmjit.evm.opcode;

import static org.evmjit.evm.fork.Fork.*;

import org.evmjit.evm.fork.Fork;

/**
 * The one table of opcode facts: name, immediate size, stack inputs and outputs and the fork
 * that introduced each opcode. Gas costs per fork live in {@code GasTable}. A byte with no entry
 * is undefined and executes as INVALID.
 */
public final class OpcodeTable {
  private static final OpcodeInfo[] INFO = new OpcodeInfo[256];

  private OpcodeTable() {}

  private static void def(int op, String name, int in, int out, Fork since) {
    INFO[op] = new OpcodeInfo(name, 0, in, out, since);
  }

  static {
    def(0x00, "STOP", 0, 0, FRONTIER);
    def(0x01, "ADD", 2, 1, FRONTIER);
    def(0x02, "MUL", 2, 1, FRONTIER);
    def(0x03, "SUB", 2, 1, FRONTIER);
    def(0x04, "DIV", 2, 1, FRONTIER);
    def(0x05, "SDIV", 2, 1, FRONTIER);
    def(0x06, "MOD", 2, 1, FRONTIER);
    def(0x07, "SMOD", 2, 1, FRONTIER);
    def(0x08, "ADDMOD", 3, 1, FRONTIER);
    def(0x09, "MULMOD", 3, 1, FRONTIER);
    def(0x0a, "EXP", 2, 1, FRONTIER);
    def(0x0b, "SIGNEXTEND", 2, 1, FRONTIER);
    def(0x10, "LT", 2, 1, FRONTIER);
    def(0x11, "GT", 2, 1, FRONTIER);
    def(0x12, "SLT", 2, 1, FRONTIER);
    def(0x13, "SGT", 2, 1, FRONTIER);
    def(0x14, "EQ", 2, 1, FRONTIER);
    def(0x15, "ISZERO", 1, 1, FRONTIER);
    def(0x16, "AND", 2, 1, FRONTIER);
    def(0x17, "OR", 2, 1, FRONTIER);
    def(0x18, "XOR", 2, 1, FRONTIER);
    def(0x19, "NOT", 1, 1, FRONTIER);
    def(0x1a, "BYTE", 2, 1, FRONTIER);
    def(0x1b, "SHL", 2, 1, CONSTANTINOPLE);
    def(0x1c, "SHR", 2, 1, CONSTANTINOPLE);
    def(0x1d, "SAR", 2, 1, CONSTANTINOPLE);
    def(0x1e, "CLZ", 1, 1, OSAKA); // EIP-7939
    def(0x20, "KECCAK256", 2, 1, FRONTIER);
    def(0x30, "ADDRESS", 0, 1, FRONTIER);
    def(0x31, "BALANCE", 1, 1, FRONTIER);
    def(0x32, "ORIGIN", 0, 1, FRONTIER);
    def(0x33, "CALLER", 0, 1, FRONTIER);
    def(0x34, "CALLVALUE", 0, 1, FRONTIER);
    def(0x35, "CALLDATALOAD", 1, 1, FRONTIER);
    def(0x36, "CALLDATASIZE", 0, 1, FRONTIER);
    def(0x37, "CALLDATACOPY", 3, 0, FRONTIER);
    def(0x38, "CODESIZE", 0, 1, FRONTIER);
    def(0x39, "CODECOPY", 3, 0, FRONTIER);
    def(0x3a, "GASPRICE", 0, 1, FRONTIER);
    def(0x3b, "EXTCODESIZE", 1, 1, FRONTIER);
    def(0x3c, "EXTCODECOPY", 4, 0, FRONTIER);
    def(0x3d, "RETURNDATASIZE", 0, 1, BYZANTIUM);
    def(0x3e, "RETURNDATACOPY", 3, 0, BYZANTIUM);
    def(0x3f, "EXTCODEHASH", 1, 1, CONSTANTINOPLE);
    def(0x40, "BLOCKHASH", 1, 1, FRONTIER);
    def(0x41, "COINBASE", 0, 1, FRONTIER);
    def(0x42, "TIMESTAMP", 0, 1, FRONTIER);
    def(0x43, "NUMBER", 0, 1, FRONTIER);
    def(0x44, "PREVRANDAO", 0, 1, FRONTIER); // DIFFICULTY before Paris (EIP-4399)
    def(0x45, "GASLIMIT", 0, 1, FRONTIER);
    def(0x46, "CHAINID", 0, 1, ISTANBUL);
    def(0x47, "SELFBALANCE", 0, 1, ISTANBUL);
    def(0x48, "BASEFEE", 0, 1, LONDON);
    def(0x49, "BLOBHASH", 1, 1, CANCUN);
    def(0x4a, "BLOBBASEFEE", 0, 1, CANCUN);
    def(0x50, "POP", 1, 0, FRONTIER);
    def(0x51, "MLOAD", 1, 1, FRONTIER);
    def(0x52, "MSTORE", 2, 0, FRONTIER);
    def(0x53, "MSTORE8", 2, 0, FRONTIER);
    def(0x54, "SLOAD", 1, 1, FRONTIER);
    def(0x55, "SSTORE", 2, 0, FRONTIER);
    def(0x56, "JUMP", 1, 0, FRONTIER);
    def(0x57, "JUMPI", 2, 0, FRONTIER);
    def(0x58, "PC", 0, 1, FRONTIER);
    def(0x59, "MSIZE", 0, 1, FRONTIER);
    def(0x5a, "GAS", 0, 1, FRONTIER);
    def(0x5b, "JUMPDEST", 0, 0, FRONTIER);
    def(0x5c, "TLOAD", 1, 1, CANCUN);
    def(0x5d, "TSTORE", 2, 0, CANCUN);
    def(0x5e, "MCOPY", 3, 0, CANCUN);
    def(0x5f, "PUSH0", 0, 1, SHANGHAI);
    for (int n = 1; n <= 32; n++) {
      INFO[0x5f + n] = new OpcodeInfo("PUSH" + n, n, 0, 1, FRONTIER);
    }
    for (int n = 1; n <= 16; n++) {
      INFO[0x7f + n] = new OpcodeInfo("DUP" + n, 0, n, n + 1, FRONTIER);
      INFO[0x8f + n] = new OpcodeInfo("SWAP" + n, 0, n + 1, n + 1, FRONTIER);
    }
    for (int n = 0; n <= 4; n++) {
      def(0xa0 + n, "LOG" + n, n + 2, 0, FRONTIER);
    }
    def(0xf0, "CREATE", 3, 1, FRONTIER);
    def(0xf1, "CALL", 7, 1, FRONTIER);
    def(0xf2, "CALLCODE", 7, 1, FRONTIER);
    def(0xf3, "RETURN", 2, 0, FRONTIER);
    def(0xf4, "DELEGATECALL", 6, 1, HOMESTEAD);
    def(0xf5, "CREATE2", 4, 1, CONSTANTINOPLE);
    def(0xfa, "STATICCALL", 6, 1, BYZANTIUM);
    def(0xfd, "REVERT", 2, 0, BYZANTIUM);
    def(0xfe, "INVALID", 0, 0, FRONTIER);
    def(0xff, "SELFDESTRUCT", 1, 0, FRONTIER);
  }

  /** The facts about {@code opcode}, or null when no fork defines it. */
  public static OpcodeInfo info(int opcode) {
    return INFO[opcode & 0xFF];
  }

  /** True when {@code opcode} exists in {@code fork} (INVALID counts as undefined). */
  public static boolean isDefined(int opcode, Fork fork) {
    OpcodeInfo i = INFO[opcode & 0xFF];
    return i != null && opcode != Opcodes.INVALID && fork.isAtLeast(i.since());
  }

  /** The mnemonic of an opcode ("ADD", "PUSH1"), or "0xfe"-style hex for undefined bytes. */
  public static String name(int opcode) {
    OpcodeInfo i = INFO[opcode & 0xFF];
    return i != null ? i.name() : String.format("0x%02x", opcode & 0xFF);
  }
}
