package org.evmjit.evm.tx;

import java.util.ArrayList;
import java.util.List;
import org.evmjit.evm.crypto.Keccak;
import org.evmjit.evm.rlp.Rlp;
import org.evmjit.evm.word.Word;

/** The hash state tests give for a transaction's logs. */
public final class LogsHash {
  private LogsHash() {}

  /** keccak256 of the RLP list of logs, each {@code [address, [topics...], data]}. */
  public static byte[] of(List<Log> logs) {
    List<byte[]> items = new ArrayList<>(logs.size());
    for (Log log : logs) {
      List<byte[]> topics = new ArrayList<>(log.topics().size());
      for (Word t : log.topics()) {
        topics.add(Rlp.encodeBytes(t.toBytes32()));
      }
      items.add(Rlp.encodeList(
          Rlp.encodeBytes(log.address().toBytes()),
          Rlp.encodeList(topics),
          Rlp.encodeBytes(log.data())));
    }
    return Keccak.hash(Rlp.encodeList(items));
  }
}
