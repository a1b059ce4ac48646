package org.evmjit.plugin.compiler.codegen;

import org.evmjit.evm.frame.CallKind;
import org.evmjit.evm.frame.Code;
import org.evmjit.evm.frame.Frame;
import org.evmjit.evm.frame.HaltReason;
import org.evmjit.evm.frame.Memory;
import org.evmjit.evm.host.Host;
import org.evmjit.evm.interpreter.Instructions;
import org.evmjit.evm.interpreter.MemoryGas;
import org.evmjit.evm.word.Address;
import org.evmjit.evm.word.Uint256;
import org.evmjit.evm.word.Word;
import org.evmjit.plugin.compiler.runtime.JitOps;

/**
 * Every runtime method and field generated code touches, in one place (Chicory's
 * {@code ShadedRefs}): resolved once, by reflection, when this class loads.
 */
final class Refs {
  private Refs() {}

  private static final Class<?> L = long[].class;
  private static final Class<?> I = int.class;
  private static final Class<?> J = long.class;

  // ---- Frame ----
  static final Ref FRAME_STACK = Ref.field(Frame.class, "stack");
  static final Ref FRAME_SP = Ref.field(Frame.class, "sp");
  static final Ref FRAME_GAS = Ref.field(Frame.class, "gas");
  static final Ref FRAME_PC = Ref.field(Frame.class, "pc");
  static final Ref FRAME_CODE = Ref.field(Frame.class, "code");
  static final Ref FRAME_INPUT = Ref.field(Frame.class, "input");
  static final Ref FRAME_MEMORY = Ref.field(Frame.class, "memory");
  static final Ref FRAME_ADDRESS = Ref.field(Frame.class, "address");
  static final Ref FRAME_CALLER = Ref.field(Frame.class, "caller");
  static final Ref FRAME_VALUE = Ref.field(Frame.class, "value");
  static final Ref FRAME_HALT = Ref.method(Frame.class, "halt", HaltReason.class);
  static final Ref FRAME_SUCCEED = Ref.method(Frame.class, "succeed", byte[].class);
  static final Ref ADDRESS_TO_LIMBS = Ref.method(Address.class, "toLimbs", L, I);
  static final Ref WORD_TO_LIMBS = Ref.method(Word.class, "toLimbs", L, I);
  static final Ref MEMORY_SIZE = Ref.method(Memory.class, "size");

  // ---- gas, memory ----

  // ---- Instructions: one semantics for both engines ----
  static final Ref NO_OUTPUT = Ref.field(Instructions.class, "NO_OUTPUT");
  static final Ref EXECUTE = Ref.method(Instructions.class, "execute", I, Frame.class, Host.class);
  static final Ref CALLDATALOAD = Ref.method(Instructions.class, "callDataLoad", byte[].class, L, I);
  static final Ref EXP = Ref.method(Instructions.class, "exp", Frame.class, Host.class);
  static final Ref KECCAK256 = Ref.method(Instructions.class, "keccak256", Frame.class);
  static final Ref BALANCE = Ref.method(Instructions.class, "balance", Frame.class, Host.class);
  static final Ref EXTCODESIZE = Ref.method(Instructions.class, "extCodeSize", Frame.class, Host.class);
  static final Ref EXTCODEHASH = Ref.method(Instructions.class, "extCodeHash", Frame.class, Host.class);
  static final Ref EXTCODECOPY = Ref.method(Instructions.class, "extCodeCopy", Frame.class, Host.class);
  static final Ref RETURNDATACOPY = Ref.method(Instructions.class, "returnDataCopy", Frame.class);
  static final Ref MCOPY = Ref.method(Instructions.class, "mcopy", Frame.class);
  static final Ref BLOCKHASH = Ref.method(Instructions.class, "blockHash", Frame.class, Host.class);
  static final Ref BLOBHASH = Ref.method(Instructions.class, "blobHash", Frame.class, Host.class);
  static final Ref SLOAD = Ref.method(Instructions.class, "sload", Frame.class, Host.class);
  static final Ref SSTORE = Ref.method(Instructions.class, "sstore", Frame.class, Host.class);
  static final Ref TLOAD = Ref.method(Instructions.class, "tload", Frame.class, Host.class);
  static final Ref TSTORE = Ref.method(Instructions.class, "tstore", Frame.class, Host.class);
  static final Ref LOG = Ref.method(Instructions.class, "log", Frame.class, Host.class, I);
  static final Ref RETURN_OR_REVERT = Ref.method(Instructions.class, "returnOrRevert", Frame.class, boolean.class);
  static final Ref SELFDESTRUCT = Ref.method(Instructions.class, "selfDestruct", Frame.class, Host.class);
  static final Ref CALL = Ref.method(Instructions.class, "call", Frame.class, Host.class, CallKind.class);
  static final Ref CREATE = Ref.method(Instructions.class, "create", Frame.class, Host.class, CallKind.class);

  // ---- Uint256 on the stack array ----
  static final Ref U_MUL = u("mul");
  static final Ref U_DIV = u("div");
  static final Ref U_SDIV = u("sdiv");
  static final Ref U_MOD = u("mod");
  static final Ref U_SMOD = u("smod");
  static final Ref U_SIGNEXTEND = u("signextend");
  static final Ref U_BYTE = u("byteOp");
  static final Ref U_SHL = u("shl");
  static final Ref U_SHR = u("shr");
  static final Ref U_SAR = u("sar");
  static final Ref U_ADDMOD = Ref.method(Uint256.class, "addmod", L, I, I, I);
  static final Ref U_MULMOD = Ref.method(Uint256.class, "mulmod", L, I, I, I);

  // ---- register helpers ----
  static final Ref J_CARRY_OUT = Ref.method(JitOps.class, "carryOut", J, J, J);
  static final Ref J_BORROW_OUT = Ref.method(JitOps.class, "borrowOut", J, J, J);
  static final Ref J_LT = Ref.method(JitOps.class, "lt", J, J, J, J, J, J, J, J);
  static final Ref J_SLT = Ref.method(JitOps.class, "slt", J, J, J, J, J, J, J, J);
  static final Ref J_EQ = Ref.method(JitOps.class, "eq", J, J, J, J, J, J, J, J);
  static final Ref J_ISZERO = Ref.method(JitOps.class, "isZero", J, J, J, J);
  static final Ref U_CLZ = Ref.method(Uint256.class, "clz", J, J, J, J);
  static final Ref J_JUMP_TARGET = Ref.method(JitOps.class, "jumpTarget", Code.class, J, J, J, J);
  static final Ref J_MLOAD = Ref.method(JitOps.class, "mload", Frame.class, J, L, I, J, J, J, J);
  static final Ref J_MSTORE = Ref.method(JitOps.class, "mstore", Frame.class, J, J, J, J, J, J, J, J, J);
  static final Ref J_MSTORE8 = Ref.method(JitOps.class, "mstore8", Frame.class, J, J, J, J, J, J);
  static final Ref J_EXPAND = Ref.method(JitOps.class, "expand", Frame.class, J, J, J, J, J, J);

  static final Ref J_PUT = Ref.method(JitOps.class, "put", L, I, J, J, J, J);
  static final Ref J_MUL = j("mul");
  static final Ref J_DIV = j("div");
  static final Ref J_SDIV = j("sdiv");
  static final Ref J_MOD = j("mod");
  static final Ref J_SMOD = j("smod");
  static final Ref J_SIGNEXTEND = j("signextend");
  static final Ref J_BYTE = j("byteOp");
  static final Ref J_SHL = j("shl");
  static final Ref J_SHR = j("shr");
  static final Ref J_SAR = j("sar");

  // the same with y already in the stack array (JitOps' "X" forms)
  static final Ref J_MUL_X = jx("mul");
  static final Ref J_DIV_X = jx("div");
  static final Ref J_SDIV_X = jx("sdiv");
  static final Ref J_MOD_X = jx("mod");
  static final Ref J_SMOD_X = jx("smod");
  static final Ref J_SIGNEXTEND_X = jx("signextend");
  static final Ref J_BYTE_X = jx("byteOp");
  static final Ref J_SHL_X = jx("shl");
  static final Ref J_SHR_X = jx("shr");
  static final Ref J_SAR_X = jx("sar");
  private static final java.util.Map<Ref, Ref> Y_ON_ARRAY = java.util.Map.of(J_MUL, J_MUL_X, J_DIV, J_DIV_X,
      J_SDIV, J_SDIV_X, J_MOD, J_MOD_X, J_SMOD, J_SMOD_X, J_SIGNEXTEND, J_SIGNEXTEND_X, J_BYTE, J_BYTE_X,
      J_SHL, J_SHL_X, J_SHR, J_SHR_X, J_SAR, J_SAR_X);

  /** The form of a {@code j} helper (x and y in locals) for y already in the stack array. */
  static Ref withYOnArray(Ref onValues) {
    Ref r = Y_ON_ARRAY.get(onValues);
    if (r == null) {
      throw new IllegalArgumentException("no form with y on the array: " + onValues);
    }
    return r;
  }

  private static Ref jx(String name) {
    return Ref.method(JitOps.class, name + "X", L, I, J, J, J, J);
  }

  private static Ref j(String name) {
    return Ref.method(JitOps.class, name, L, I, J, J, J, J, J, J, J, J);
  }

  private static Ref u(String name) {
    return Ref.method(Uint256.class, name, L, I, I);
  }
}
