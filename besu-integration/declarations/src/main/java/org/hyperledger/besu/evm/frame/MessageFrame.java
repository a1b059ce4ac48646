package org.hyperledger.besu.evm.frame;

import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.evmjit.besu.declarations.Absent;
import org.hyperledger.besu.datatypes.Address;
import org.hyperledger.besu.datatypes.Log;
import org.hyperledger.besu.datatypes.VersionedHash;
import org.hyperledger.besu.datatypes.Wei;
import org.hyperledger.besu.evm.Code;
import org.hyperledger.besu.evm.blockhash.BlockHashLookup;
import org.hyperledger.besu.evm.worldstate.WorldUpdater;

public class MessageFrame {
  public enum State {
    NOT_STARTED, CODE_EXECUTING, CODE_SUCCESS, CODE_SUSPENDED, EXCEPTIONAL_HALT, REVERT, COMPLETED_FAILED, COMPLETED_SUCCESS
  }

  public enum Type {
    CONTRACT_CREATION, MESSAGE_CALL
  }

  private MessageFrame() {
    throw Absent.absent();
  }

  public static Builder builder() {
    throw Absent.absent();
  }

  public Code getCode() {
    throw Absent.absent();
  }

  public int getPC() {
    throw Absent.absent();
  }

  public int getDepth() {
    throw Absent.absent();
  }

  public long getRemainingGas() {
    throw Absent.absent();
  }

  public void setGasRemaining(long amount) {
    throw Absent.absent();
  }

  public State getState() {
    throw Absent.absent();
  }

  public void setState(State state) {
    throw Absent.absent();
  }

  public Deque<MessageFrame> getMessageFrameStack() {
    throw Absent.absent();
  }

  public Type getType() {
    throw Absent.absent();
  }

  public Address getRecipientAddress() {
    throw Absent.absent();
  }

  public Address getSenderAddress() {
    throw Absent.absent();
  }

  public Address getContractAddress() {
    throw Absent.absent();
  }

  public Wei getApparentValue() {
    throw Absent.absent();
  }

  public Bytes getInputData() {
    throw Absent.absent();
  }

  public boolean isStatic() {
    throw Absent.absent();
  }

  public Bytes getOutputData() {
    throw Absent.absent();
  }

  public void setOutputData(Bytes output) {
    throw Absent.absent();
  }

  public void setRevertReason(Bytes revertReason) {
    throw Absent.absent();
  }

  public void setExceptionalHaltReason(Optional<ExceptionalHaltReason> exceptionalHaltReason) {
    throw Absent.absent();
  }

  public BlockValues getBlockValues() {
    throw Absent.absent();
  }

  public Address getMiningBeneficiary() {
    throw Absent.absent();
  }

  public Optional<List<VersionedHash>> getVersionedHashes() {
    throw Absent.absent();
  }

  public Address getOriginatorAddress() {
    throw Absent.absent();
  }

  public Wei getGasPrice() {
    throw Absent.absent();
  }

  public Wei getBlobGasPrice() {
    throw Absent.absent();
  }

  public BlockHashLookup getBlockHashLookup() {
    throw Absent.absent();
  }

  public WorldUpdater getWorldUpdater() {
    throw Absent.absent();
  }

  public boolean warmUpAddress(Address address) {
    throw Absent.absent();
  }

  public boolean warmUpStorage(Address address, Bytes32 slot) {
    throw Absent.absent();
  }

  public Bytes32 getTransientStorageValue(Address accountAddress, Bytes32 slot) {
    throw Absent.absent();
  }

  public void setTransientStorageValue(Address accountAddress, Bytes32 slot, Bytes32 value) {
    throw Absent.absent();
  }

  public void incrementGasRefund(long amount) {
    throw Absent.absent();
  }

  public long getGasRefund() {
    throw Absent.absent();
  }

  public void addLog(Log log) {
    throw Absent.absent();
  }

  public void addLogs(List<Log> logs) {
    throw Absent.absent();
  }

  public List<Log> getLogs() {
    throw Absent.absent();
  }

  public boolean wasCreatedInTransaction(Address address) {
    throw Absent.absent();
  }

  public void addSelfDestruct(Address address) {
    throw Absent.absent();
  }

  public void addSelfDestructs(Set<Address> addresses) {
    throw Absent.absent();
  }

  public Set<Address> getSelfDestructs() {
    throw Absent.absent();
  }

  public void addCreates(Set<Address> addresses) {
    throw Absent.absent();
  }

  public Set<Address> getCreates() {
    throw Absent.absent();
  }

  public void addRefund(Address beneficiary, Wei amount) {
    throw Absent.absent();
  }

  public static class Builder {
    public Builder() {
      throw Absent.absent();
    }

    public Builder parentMessageFrame(MessageFrame parentMessageFrame) {
      throw Absent.absent();
    }

    public Builder type(Type type) {
      throw Absent.absent();
    }

    public Builder initialGas(long initialGas) {
      throw Absent.absent();
    }

    public Builder address(Address address) {
      throw Absent.absent();
    }

    public Builder contract(Address contract) {
      throw Absent.absent();
    }

    public Builder inputData(Bytes inputData) {
      throw Absent.absent();
    }

    public Builder sender(Address sender) {
      throw Absent.absent();
    }

    public Builder value(Wei value) {
      throw Absent.absent();
    }

    public Builder apparentValue(Wei apparentValue) {
      throw Absent.absent();
    }

    public Builder code(Code code) {
      throw Absent.absent();
    }

    public Builder isStatic(boolean isStatic) {
      throw Absent.absent();
    }

    public Builder completer(Consumer<MessageFrame> completer) {
      throw Absent.absent();
    }

    public MessageFrame build() {
      throw Absent.absent();
    }
  }
}
