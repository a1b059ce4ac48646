package org.evmjit.besu;

import static org.evmjit.besu.BesuValues.address;
import static org.evmjit.besu.BesuValues.word;

import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.evmjit.evm.frame.CallKind;
import org.evmjit.evm.frame.Code;
import org.evmjit.evm.frame.Frame;
import org.evmjit.evm.frame.HaltReason;
import org.hyperledger.besu.evm.frame.ExceptionalHaltReason;
import org.hyperledger.besu.evm.frame.MessageFrame;

/**
 * Copies a Besu frame into an evmjit {@link Frame} when it starts compiled, and the result back
 * when it ends: what is copied per frame. Everything else (world state, logs, refunds, warm sets,
 * transient storage, self-destructs) stays in Besu and is reached through {@link BesuHost}.
 */
final class BesuFrames {
  private BesuFrames() {}

  /** The evmjit copy of a frame that has not run yet (pc 0, empty stack and memory). */
  static Frame start(MessageFrame mf, Code code) {
    CallKind kind = mf.getType() == MessageFrame.Type.CONTRACT_CREATION ? CallKind.CREATE : CallKind.CALL;
    return new Frame(kind, address(mf.getRecipientAddress()), address(mf.getSenderAddress()),
        address(mf.getContractAddress()), word(mf.getApparentValue()), mf.getInputData().toArrayUnsafe(), code,
        mf.isStatic(), mf.getDepth(), mf.getRemainingGas(), new long[Frame.MAX_STACK * 4]);
  }

  /** Writes a finished frame's result to Besu's frame, as STOP/RETURN/REVERT/a halt would. */
  static void finish(MessageFrame mf, Frame f) {
    mf.setGasRemaining(f.gas);
    switch (f.status) {
      case SUCCESS -> {
        mf.setOutputData(Bytes.wrap(f.output));
        mf.setState(MessageFrame.State.CODE_SUCCESS);
      }
      case REVERT -> {
        Bytes reason = Bytes.wrap(f.output);
        mf.setRevertReason(reason);
        mf.setOutputData(reason);
        mf.setState(MessageFrame.State.REVERT);
      }
      case HALT -> {
        mf.setExceptionalHaltReason(Optional.of(haltReason(f.haltReason)));
        mf.setState(MessageFrame.State.EXCEPTIONAL_HALT);
      }
    }
  }

  /** Besu's name for the reasons an evmjit frame can halt with (the others are the node's). */
  static ExceptionalHaltReason haltReason(HaltReason r) {
    return switch (r) {
      case OUT_OF_GAS -> ExceptionalHaltReason.INSUFFICIENT_GAS;
      case STACK_UNDERFLOW -> ExceptionalHaltReason.INSUFFICIENT_STACK_ITEMS;
      case STACK_OVERFLOW -> ExceptionalHaltReason.TOO_MANY_STACK_ITEMS;
      case INVALID_JUMP -> ExceptionalHaltReason.INVALID_JUMP_DESTINATION;
      case STATIC_STATE_CHANGE -> ExceptionalHaltReason.ILLEGAL_STATE_CHANGE;
      case RETURN_DATA_OUT_OF_BOUNDS -> ExceptionalHaltReason.INVALID_RETURN_DATA_BUFFER_ACCESS;
      case CODE_SIZE_EXCEEDED, INITCODE_SIZE_EXCEEDED -> ExceptionalHaltReason.CODE_TOO_LARGE;
      case INVALID_CODE_PREFIX -> ExceptionalHaltReason.INVALID_CODE;
      case PRECOMPILE_FAILURE -> ExceptionalHaltReason.PRECOMPILE_ERROR;
      case INVALID_OPCODE, CONTRACT_ADDRESS_COLLISION -> ExceptionalHaltReason.INVALID_OPERATION;
    };
  }
}
