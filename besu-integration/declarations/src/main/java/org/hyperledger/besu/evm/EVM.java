package org.hyperledger.besu.evm;

import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.evmjit.besu.declarations.Absent;
import org.hyperledger.besu.datatypes.Hash;
import org.hyperledger.besu.evm.frame.MessageFrame;
import org.hyperledger.besu.evm.gascalculator.GasCalculator;
import org.hyperledger.besu.evm.internal.EvmConfiguration;
import org.hyperledger.besu.evm.operation.Operation;
import org.hyperledger.besu.evm.operation.OperationRegistry;
import org.hyperledger.besu.evm.tracing.OperationTracer;

public class EVM {
  public EVM(OperationRegistry operations, GasCalculator gasCalculator, EvmConfiguration evmConfiguration,
      EvmSpecVersion evmSpecVersion) {
    throw Absent.absent();
  }

  public GasCalculator getGasCalculator() {
    throw Absent.absent();
  }

  public int getMaxCodeSize() {
    throw Absent.absent();
  }

  public int getMaxInitcodeSize() {
    throw Absent.absent();
  }

  public EvmConfiguration getEvmConfiguration() {
    throw Absent.absent();
  }

  public EvmSpecVersion getEvmVersion() {
    throw Absent.absent();
  }

  public Optional<Bytes> getChainId() {
    throw Absent.absent();
  }

  public void runToHalt(MessageFrame frame, OperationTracer operationTracer) {
    throw Absent.absent();
  }

  public Operation[] getOperationsUnsafe() {
    throw Absent.absent();
  }

  public Code getOrCreateCachedJumpDest(Hash codeHash, Bytes codeBytes) {
    throw Absent.absent();
  }
}
