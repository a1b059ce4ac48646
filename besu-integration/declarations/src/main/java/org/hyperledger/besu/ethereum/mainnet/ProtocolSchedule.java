package org.hyperledger.besu.ethereum.mainnet;

import java.util.function.Predicate;

public interface ProtocolSchedule {
  boolean anyMatch(Predicate<ScheduledProtocolSpec> predicate);
}
