package org.evmjit.evm.tx;

import java.util.List;
import org.evmjit.evm.word.Address;
import org.evmjit.evm.word.Word;

/** One EIP-2930 access-list entry: an address and the storage keys to warm. */
public record AccessListEntry(Address address, List<Word> storageKeys) {}
