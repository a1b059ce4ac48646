package org.evmjit.besu;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.hyperledger.besu.ethereum.mainnet.MainnetTransactionProcessor;
import org.hyperledger.besu.ethereum.mainnet.ProtocolSchedule;
import org.hyperledger.besu.ethereum.mainnet.ProtocolSpec;
import org.hyperledger.besu.evm.frame.MessageFrame;
import org.hyperledger.besu.evm.processor.AbstractMessageProcessor;
import org.hyperledger.besu.plugin.services.BlockchainService;

/**
 * Finds every protocol spec's message processors. No plugin service exposes the protocol
 * schedule in Besu 26.8.0; {@code BlockchainServiceImpl} (the {@link BlockchainService} Besu
 * registers) holds it in its private field {@code protocolSchedule}, set by {@code init} just
 * before plugins start. {@link ProtocolSchedule#anyMatch} visits every scheduled spec.
 */
final class ProtocolSpecs {
  static final String SERVICE_CLASS = "org.hyperledger.besu.services.BlockchainServiceImpl";
  static final String SCHEDULE_FIELD = "protocolSchedule";

  private ProtocolSpecs() {}

  static ProtocolSchedule schedule(BlockchainService service) throws IncompatibleBesuException {
    if (!service.getClass().getName().equals(SERVICE_CLASS)) {
      throw new IncompatibleBesuException("BlockchainService is " + service.getClass().getName() + ", expected "
          + SERVICE_CLASS + " (the protocol schedule is read from it)");
    }
    try {
      Field f = service.getClass().getDeclaredField(SCHEDULE_FIELD);
      if (f.getType() != ProtocolSchedule.class) {
        throw new IncompatibleBesuException(SERVICE_CLASS + "." + SCHEDULE_FIELD + " is a " + f.getType().getName());
      }
      f.setAccessible(true);
      Object schedule = f.get(service);
      if (schedule == null) {
        throw new IncompatibleBesuException(SERVICE_CLASS + "." + SCHEDULE_FIELD + " is not set yet");
      }
      return (ProtocolSchedule) schedule;
    } catch (NoSuchFieldException | IllegalAccessException | RuntimeException e) {
      throw new IncompatibleBesuException("cannot read " + SERVICE_CLASS + "." + SCHEDULE_FIELD + ": " + e);
    }
  }

  /** Every distinct protocol spec of the schedule. */
  static List<ProtocolSpec> specs(ProtocolSchedule schedule) {
    Set<ProtocolSpec> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<ProtocolSpec> specs = new ArrayList<>();
    schedule.anyMatch(scheduled -> {
      if (seen.add(scheduled.spec())) {
        specs.add(scheduled.spec());
      }
      return false; // visit them all
    });
    return specs;
  }

  /** The message-call and contract-creation processors of {@code specs}, each once. */
  static List<AbstractMessageProcessor> processors(List<ProtocolSpec> specs) {
    Set<AbstractMessageProcessor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<AbstractMessageProcessor> out = new ArrayList<>();
    for (ProtocolSpec spec : specs) {
      MainnetTransactionProcessor tp = spec.getTransactionProcessor();
      for (MessageFrame.Type type : List.of(MessageFrame.Type.MESSAGE_CALL, MessageFrame.Type.CONTRACT_CREATION)) {
        AbstractMessageProcessor p = tp.getMessageProcessor(type);
        if (p != null && seen.add(p)) {
          out.add(p);
        }
      }
    }
    return out;
  }
}
