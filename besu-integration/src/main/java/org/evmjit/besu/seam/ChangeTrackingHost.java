package org.evmjit.besu.seam;

import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.fork.GasSchedule;
import org.evmjit.evm.frame.Code;
import org.evmjit.evm.host.Host;
import org.evmjit.evm.host.TxContext;
import org.evmjit.evm.tx.BlockEnv;
import org.evmjit.evm.word.Address;
import org.evmjit.evm.word.Word;

/**
 * A {@link Host} that passes every call to the node's host and remembers whether the frame has
 * changed anything the node can see (a write, or warming a cold account or slot). The fallback
 * rule ({@link FrameRunner}) reads it: a frame that changed nothing can be run again from its
 * start by the node's own interpreter.
 */
public final class ChangeTrackingHost implements Host {
  private final Host node;
  private boolean changed;

  public ChangeTrackingHost(Host node) {
    this.node = node;
  }

  /** True once the frame changed something outside its own copy (pc, stack, memory, gas). */
  public boolean changed() {
    return changed;
  }

  @Override
  public Fork fork() {
    return node.fork();
  }

  @Override
  public GasSchedule gas() {
    return node.gas();
  }

  @Override
  public BlockEnv block() {
    return node.block();
  }

  @Override
  public TxContext tx() {
    return node.tx();
  }

  @Override
  public Word blockHash(Word number) {
    return node.blockHash(number);
  }

  @Override
  public boolean exists(Address address) {
    return node.exists(address);
  }

  @Override
  public boolean isDead(Address address) {
    return node.isDead(address);
  }

  @Override
  public Word balance(Address address) {
    return node.balance(address);
  }

  @Override
  public Code code(Address address) {
    return node.code(address);
  }

  @Override
  public boolean warmAccount(Address address) {
    boolean wasCold = node.warmAccount(address);
    changed |= wasCold;
    return wasCold;
  }

  @Override
  public boolean warmSlot(Address address, Word key) {
    boolean wasCold = node.warmSlot(address, key);
    changed |= wasCold;
    return wasCold;
  }

  @Override
  public Word storage(Address address, Word key) {
    return node.storage(address, key);
  }

  @Override
  public Word originalStorage(Address address, Word key) {
    return node.originalStorage(address, key);
  }

  @Override
  public void setStorage(Address address, Word key, Word value) {
    changed = true;
    node.setStorage(address, key, value);
  }

  @Override
  public Word transientStorage(Address address, Word key) {
    return node.transientStorage(address, key);
  }

  @Override
  public void setTransientStorage(Address address, Word key, Word value) {
    changed = true;
    node.setTransientStorage(address, key, value);
  }

  @Override
  public void addRefund(long delta) {
    changed = true;
    node.addRefund(delta);
  }

  @Override
  public long refund() {
    return node.refund();
  }

  @Override
  public void emitLog(Address address, Word[] topics, byte[] data) {
    changed = true;
    node.emitLog(address, topics, data);
  }

  @Override
  public void selfDestruct(Address self, Address beneficiary) {
    changed = true;
    node.selfDestruct(self, beneficiary);
  }
}
