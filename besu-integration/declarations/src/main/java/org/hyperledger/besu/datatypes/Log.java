package org.hyperledger.besu.datatypes;

import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.evmjit.besu.declarations.Absent;

public class Log {
  public Log(Address logger, Bytes data, List<LogTopic> topics) {
    throw Absent.absent();
  }
}
