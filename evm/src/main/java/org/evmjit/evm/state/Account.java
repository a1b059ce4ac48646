package org.evmjit.evm.state;

import java.util.HashMap;
import java.util.Map;
import org.evmjit.evm.crypto.Keccak;
import org.evmjit.evm.word.Word;

/** One account's mutable state. Changes go through {@link WorldState} so they can be undone. */
public final class Account {
  private static final byte[] NO_CODE = new byte[0];

  long nonce;
  Word balance;
  byte[] code;
  private byte[] codeHash;
  final HashMap<Word, Word> storage;

  Account(long nonce, Word balance, byte[] code, Map<Word, Word> storage) {
    this.nonce = nonce;
    this.balance = balance;
    this.code = code == null ? NO_CODE : code;
    this.storage = new HashMap<>(storage);
  }

  static Account empty() {
    return new Account(0, Word.ZERO, NO_CODE, Map.of());
  }

  Account copy() {
    Account c = new Account(nonce, balance, code, storage);
    c.codeHash = codeHash;
    return c;
  }

  /** Nonce as an unsigned 64-bit value. */
  public long nonce() {
    return nonce;
  }

  public Word balance() {
    return balance;
  }

  public byte[] code() {
    return code;
  }

  public byte[] codeHash() {
    byte[] h = codeHash;
    if (h == null) {
      h = code.length == 0 ? Keccak.EMPTY_HASH : Keccak.hash(code);
      codeHash = h;
    }
    return h;
  }

  void setCode(byte[] newCode) {
    code = newCode;
    codeHash = null;
  }

  public Word storageValue(Word key) {
    return storage.getOrDefault(key, Word.ZERO);
  }

  /** The storage slots with non-zero values. */
  public Map<Word, Word> storage() {
    return java.util.Collections.unmodifiableMap(storage);
  }

  /** EIP-161: no code, zero nonce, zero balance. */
  public boolean isEmpty() {
    return nonce == 0 && balance.isZero() && code.length == 0;
  }
}
