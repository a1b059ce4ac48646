package org.evmjit.evm.state;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.evmjit.evm.frame.Code;
import org.evmjit.evm.word.Word;

/** One account's state. Changes during a transaction go through {@link TransactionState}, which journals them. */
public final class Account {
  long nonce;
  Word balance;
  Code code;
  final HashMap<Word, Word> storage;

  Account(long nonce, Word balance, Code code, Map<Word, Word> storage) {
    this.nonce = nonce;
    this.balance = balance;
    this.code = code;
    this.storage = new HashMap<>(storage);
  }

  static Account empty() {
    return new Account(0, Word.ZERO, Code.EMPTY, Map.of());
  }

  Account copy() {
    return new Account(nonce, balance, code, storage);
  }

  /** Nonce as an unsigned 64-bit value. */
  public long nonce() {
    return nonce;
  }

  public Word balance() {
    return balance;
  }

  public Code code() {
    return code;
  }

  public byte[] codeHash() {
    return code.hash();
  }

  public Word storageValue(Word key) {
    return storage.getOrDefault(key, Word.ZERO);
  }

  /** The storage slots with non-zero values. */
  public Map<Word, Word> storage() {
    return Collections.unmodifiableMap(storage);
  }

  /** EIP-161: no code, zero nonce, zero balance. */
  public boolean isEmpty() {
    return nonce == 0 && balance.isZero() && code.size() == 0;
  }
}
