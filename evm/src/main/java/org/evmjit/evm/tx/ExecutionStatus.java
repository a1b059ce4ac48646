package org.evmjit.evm.tx;

/** How a frame (or the whole transaction) ended. */
public enum ExecutionStatus {
  /** STOP, RETURN, SELFDESTRUCT, or running off the end of the code. */
  SUCCESS,
  /** REVERT: state undone, remaining gas returned, output kept. */
  REVERT,
  /** An exceptional halt: state undone and all gas of the frame consumed. */
  HALT
}
