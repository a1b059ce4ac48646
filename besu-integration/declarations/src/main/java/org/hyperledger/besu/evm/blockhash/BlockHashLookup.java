package org.hyperledger.besu.evm.blockhash;

import java.util.function.BiFunction;
import org.hyperledger.besu.datatypes.Hash;
import org.hyperledger.besu.evm.frame.MessageFrame;

public interface BlockHashLookup extends BiFunction<MessageFrame, Long, Hash> {}
