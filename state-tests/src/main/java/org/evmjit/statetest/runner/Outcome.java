package org.evmjit.statetest.runner;

import java.util.Objects;
import org.evmjit.evm.state.WorldState;

/**
 * What one engine made of one post entry: the fields engines are compared on.
 *
 * @param rejection null for a valid transaction; otherwise why the engine rejected it (evmjit
 *     gives the ethereum/tests {@code TransactionException} name, ethereumjs its own message)
 * @param status {@code success}, {@code revert} or {@code halt}; null when rejected
 * @param output the transaction's output as unprefixed hex
 * @param logsHash the fixtures' logs hash, {@code 0x} hex
 * @param stateRoot the state root after the transaction and the coinbase touch, {@code 0x} hex
 * @param timeNs time the engine spent on the transaction
 * @param postState the world state after the transaction when the engine is one of evmjit's own,
 *     null for an external engine: with it a wrong root is explained account by account, and the
 *     rejection's kind is checked (evmjit names rejections as the fixtures do)
 */
public record Outcome(String rejection, String status, long gasUsed, String output, String logsHash,
    String stateRoot, long timeNs, WorldState postState) {

  /** The outcome of an external engine, which gives no world state. */
  public Outcome(String rejection, String status, long gasUsed, String output, String logsHash,
      String stateRoot, long timeNs) {
    this(rejection, status, gasUsed, output, logsHash, stateRoot, timeNs, null);
  }

  /**
   * The first field in which {@code b} differs from this outcome, described with both values, or
   * null when they agree. Validity is compared, not the rejection's wording: engines name
   * rejections differently.
   */
  public String firstDifference(Outcome b) {
    if ((rejection == null) != (b.rejection == null)) {
      return "validity: " + validity() + " vs " + b.validity();
    }
    if (!Objects.equals(status, b.status)) {
      return "status: " + status + " vs " + b.status;
    }
    if (gasUsed != b.gasUsed) {
      return "gas used: " + gasUsed + " vs " + b.gasUsed;
    }
    if (!output.equalsIgnoreCase(b.output)) {
      return "output: 0x" + output + " vs 0x" + b.output;
    }
    if (!logsHash.equalsIgnoreCase(b.logsHash)) {
      return "logs hash: " + logsHash + " vs " + b.logsHash;
    }
    if (!stateRoot.equalsIgnoreCase(b.stateRoot)) {
      return "state root: " + stateRoot + " vs " + b.stateRoot;
    }
    return null;
  }

  private String validity() {
    return rejection == null ? "valid" : "rejected (" + rejection + ")";
  }
}
