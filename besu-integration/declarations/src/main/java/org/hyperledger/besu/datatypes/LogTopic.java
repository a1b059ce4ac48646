package org.hyperledger.besu.datatypes;

import org.apache.tuweni.bytes.Bytes32;
import org.evmjit.besu.declarations.Absent;

public class LogTopic {
  private LogTopic() {
    throw Absent.absent();
  }

  public static LogTopic create(Bytes32 bytes) {
    throw Absent.absent();
  }
}
