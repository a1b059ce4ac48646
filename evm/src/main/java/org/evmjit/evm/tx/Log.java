package org.evmjit.evm.tx;

import java.util.List;
import org.evmjit.evm.word.Address;
import org.evmjit.evm.word.Word;

/** A log record emitted by LOG0..LOG4. */
public record Log(Address address, List<Word> topics, byte[] data) {}
