package org.evmjit.besu.seam;

import java.util.function.Predicate;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.frame.Code;
import org.evmjit.evm.state.Delegation;
import org.evmjit.evm.word.Address;

/**
 * EIP-7702 for the child frame of a call (CALL, CALLCODE, DELEGATECALL, STATICCALL) that the node
 * starts: whose code the child runs. From Prague, when the called account's code is a delegation
 * designator {@code 0xef0100 || delegate}, the child runs the delegate's code: one level only (a
 * designator in the delegate's own code is run as code), and no code at all when the delegate is
 * a precompile. Otherwise, and before Prague, the called account's own code. The child's
 * recipient and code address stay the request's; only the code changes.
 *
 * <p>Protocol logic only: the node reads the accounts and says which addresses are its
 * precompiles. The caller has already paid for the delegate's access and warmed it (evmjit's
 * call instructions, through the host), so nothing here charges gas or warms an account.
 */
public final class ChildCode {
  private ChildCode() {}

  /**
   * The account whose code the child of a call to {@code callee} runs.
   *
   * @param calleeCode the called account's code ({@link Code#EMPTY} when it has none)
   * @param isPrecompile the node's precompiles under {@code fork}
   * @return {@code callee} itself, or from Prague the delegate its designator names; null when the
   *     child runs no code (the delegate is a precompile)
   */
  public static Address source(Fork fork, Address callee, Code calleeCode, Predicate<Address> isPrecompile) {
    Address delegate = fork.isAtLeast(Fork.PRAGUE) ? Delegation.target(calleeCode) : null;
    if (delegate == null) {
      return callee;
    }
    return isPrecompile.test(delegate) ? null : delegate;
  }
}
