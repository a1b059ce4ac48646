package org.evmjit.besu;

import static org.evmjit.besu.BesuValues.address;
import static org.evmjit.besu.BesuValues.wei;

import org.apache.tuweni.bytes.Bytes;
import org.evmjit.besu.seam.ChildCode;
import org.evmjit.besu.seam.ChildStarter;
import org.evmjit.evm.exec.CallCompletion;
import org.evmjit.evm.exec.ContractAddress;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.frame.CallKind;
import org.evmjit.evm.frame.Frame;
import org.evmjit.evm.frame.Message;
import org.evmjit.evm.tx.ExecutionStatus;
import org.hyperledger.besu.datatypes.Address;
import org.hyperledger.besu.datatypes.Wei;
import org.hyperledger.besu.evm.Code;
import org.hyperledger.besu.evm.EVM;
import org.hyperledger.besu.evm.account.Account;
import org.hyperledger.besu.evm.account.MutableAccount;
import org.hyperledger.besu.evm.frame.MessageFrame;
import org.hyperledger.besu.evm.worldstate.WorldUpdater;

/**
 * Starts the Besu child frame an evmjit frame suspended for, as Besu's
 * {@code AbstractCallOperation.execute} and {@code AbstractCreateOperation.execute} build it
 * (gas, warming and the depth and balance checks were done by evmjit and {@code FrameRunner});
 * its completer hands the child's result back through evmjit's {@link CallCompletion} and merges
 * logs, self-destructs and creates into the parent, as their {@code complete} methods do. Whose
 * code a call's child runs (EIP-7702 delegations from Prague) is decided by the seam's
 * {@link ChildCode}; here the accounts are only read.
 */
final class BesuChildren implements ChildStarter {
  private final MessageFrame parent;
  private final EVM evm;
  private final Fork fork;

  BesuChildren(MessageFrame parent, EVM evm, Fork fork) {
    this.parent = parent;
    this.evm = evm;
    this.fork = fork;
  }

  @Override
  public boolean start(Frame frame, Message m) {
    MessageFrame.Builder builder = MessageFrame.builder().parentMessageFrame(parent).initialGas(m.gas())
        .sender(address(m.caller())).isStatic(m.isStatic()).completer(child -> complete(frame, child));
    if (m.kind().isCreate()) {
      MutableAccount sender = parent.getWorldUpdater().getAccount(address(m.caller()));
      long nonce = sender.getNonce();
      if (nonce == -1L) { // EIP-2681
        return false;
      }
      Address created = address(m.kind() == CallKind.CREATE2
          ? ContractAddress.create2(m.caller(), m.salt(), m.input())
          : ContractAddress.create(m.caller(), nonce));
      sender.incrementNonce();
      Wei value = wei(m.value());
      builder.type(MessageFrame.Type.CONTRACT_CREATION).address(created).contract(created).inputData(Bytes.EMPTY)
          .value(value).apparentValue(value).code(new Code(Bytes.wrap(m.input())));
    } else {
      boolean movesValue = m.kind() == CallKind.CALL || m.kind() == CallKind.CALLCODE;
      builder.type(MessageFrame.Type.MESSAGE_CALL).address(address(m.recipient())).contract(address(m.codeAddress()))
          .inputData(Bytes.wrap(m.input())).value(movesValue ? wei(m.value()) : Wei.ZERO)
          .apparentValue(wei(m.value())).code(code(m));
    }
    parent.setGasRemaining(frame.gas);
    builder.build();
    return true;
  }

  /**
   * AbstractCallOperation.getCode: the called account's code or, when {@link ChildCode} says so,
   * its delegate's (none for a precompile delegate), with Besu's cached jump destinations. The
   * child's contract address stays the called account, as in Besu.
   */
  private Code code(Message m) {
    WorldUpdater world = parent.getWorldUpdater();
    Account callee = world.get(address(m.codeAddress()));
    if (callee == null || callee.getCode().size() == 0) {
      return Code.EMPTY_CODE;
    }
    org.evmjit.evm.word.Address source = ChildCode.source(fork, m.codeAddress(),
        new org.evmjit.evm.frame.Code(callee.getCode().toArrayUnsafe()),
        a -> evm.getGasCalculator().isPrecompile(address(a)));
    if (source == null) { // a precompile delegate
      return Code.EMPTY_CODE;
    }
    Account account = source.equals(m.codeAddress()) ? callee : world.get(address(source));
    if (account == null || account.getCode().size() == 0) {
      return Code.EMPTY_CODE;
    }
    return evm.getOrCreateCachedJumpDest(account.getCodeHash(), account.getCode());
  }

  private void complete(Frame frame, MessageFrame child) {
    boolean success = child.getState() == MessageFrame.State.COMPLETED_SUCCESS;
    // Besu clears the output of a halted child, so REVERT carries exactly what Besu passes on.
    CallCompletion.complete(frame, success ? ExecutionStatus.SUCCESS : ExecutionStatus.REVERT,
        child.getRemainingGas(), child.getOutputData().toArrayUnsafe(), address(child.getContractAddress()));
    parent.addLogs(child.getLogs());
    parent.addSelfDestructs(child.getSelfDestructs());
    parent.addCreates(child.getCreates());
    parent.setState(MessageFrame.State.CODE_EXECUTING);
  }
}
