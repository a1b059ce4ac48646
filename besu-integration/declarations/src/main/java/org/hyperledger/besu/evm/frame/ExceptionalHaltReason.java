package org.hyperledger.besu.evm.frame;

import org.evmjit.besu.declarations.Absent;

public interface ExceptionalHaltReason {
  ExceptionalHaltReason INSUFFICIENT_GAS = Absent.value();
  ExceptionalHaltReason INSUFFICIENT_STACK_ITEMS = Absent.value();
  ExceptionalHaltReason INVALID_JUMP_DESTINATION = Absent.value();
  ExceptionalHaltReason INVALID_OPERATION = Absent.value();
  ExceptionalHaltReason INVALID_RETURN_DATA_BUFFER_ACCESS = Absent.value();
  ExceptionalHaltReason TOO_MANY_STACK_ITEMS = Absent.value();
  ExceptionalHaltReason ILLEGAL_STATE_CHANGE = Absent.value();
  ExceptionalHaltReason CODE_TOO_LARGE = Absent.value();
  ExceptionalHaltReason INVALID_CODE = Absent.value();
  ExceptionalHaltReason PRECOMPILE_ERROR = Absent.value();
}
