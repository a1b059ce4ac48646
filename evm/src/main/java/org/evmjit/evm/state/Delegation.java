package org.evmjit.evm.state;

import org.evmjit.evm.frame.Code;
import org.evmjit.evm.word.Address;

/**
 * EIP-7702 delegation designators: the 23-byte code {@code 0xef0100 || address} that an
 * authorization writes into an account, making calls to it run {@code address}'s code.
 */
public final class Delegation {
  public static final int DESIGNATOR_LENGTH = 23;
  private static final byte[] MARKER = {(byte) 0xef, 0x01, 0x00};

  private Delegation() {}

  /** True when {@code code} is exactly a designator. */
  public static boolean isDesignator(Code code) {
    byte[] b = code.bytes();
    return b.length == DESIGNATOR_LENGTH && b[0] == MARKER[0] && b[1] == MARKER[1] && b[2] == MARKER[2];
  }

  /** The address {@code code} delegates to, or null when it is not a designator. */
  public static Address target(Code code) {
    return isDesignator(code) ? Address.fromBytes(code.bytes(), MARKER.length) : null;
  }

  /** The designator pointing at {@code target}. */
  public static Code designator(Address target) {
    byte[] code = new byte[DESIGNATOR_LENGTH];
    System.arraycopy(MARKER, 0, code, 0, MARKER.length);
    System.arraycopy(target.toBytes(), 0, code, MARKER.length, 20);
    return new Code(code);
  }
}
