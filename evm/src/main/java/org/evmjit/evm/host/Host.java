package org.evmjit.evm.host;

import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.fork.GasSchedule;
import org.evmjit.evm.frame.Code;
import org.evmjit.evm.tx.BlockEnv;
import org.evmjit.evm.word.Address;
import org.evmjit.evm.word.Word;

/**
 * What executing code may ask of the world: accounts, storage, code, logs, the block and the
 * transaction. Instruction semantics use only this (plus their {@code Frame}); calls and creates
 * are not here, because a frame asks for them by suspending. Every change made through it is
 * journaled, so the executor can undo a reverted frame.
 */
public interface Host {
  Fork fork();

  GasSchedule gas();

  BlockEnv block();

  TxContext tx();

  /** BLOCKHASH: the hash of block {@code number}, or zero when outside the last 256 blocks. */
  Word blockHash(Word number);

  boolean exists(Address address);

  /** EIP-161 "dead": the account does not exist or is empty. */
  boolean isDead(Address address);

  Word balance(Address address);

  /** The account's code ({@link Code#EMPTY} when it has none or does not exist). */
  Code code(Address address);

  /** EIP-2929: marks the account warm; true when it was cold. */
  boolean warmAccount(Address address);

  /** EIP-2929: marks the slot warm; true when it was cold. */
  boolean warmSlot(Address address, Word key);

  Word storage(Address address, Word key);

  /** The slot's value when the transaction started (EIP-2200's "original value"). */
  Word originalStorage(Address address, Word key);

  void setStorage(Address address, Word key, Word value);

  Word transientStorage(Address address, Word key);

  void setTransientStorage(Address address, Word key, Word value);

  /** Adds to (or with a negative delta, takes from) the refund counter. */
  void addRefund(long delta);

  long refund();

  void emitLog(Address address, Word[] topics, byte[] data);

  /** SELFDESTRUCT under the fork's rules (EIP-6780 from Cancun); gas is charged by the caller. */
  void selfDestruct(Address self, Address beneficiary);
}
