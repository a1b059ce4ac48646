package org.evmjit.evm.precompile;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** 0x02: SHA-256 of the input. */
final class Sha256 implements Precompile {
  @Override
  public long gasCost(byte[] input) {
    return LinearGas.SHA256.cost(input);
  }

  @Override
  public byte[] execute(byte[] input) {
    return hash(input);
  }

  /** The JDK's SHA-256, which HotSpot backs with the CPU's SHA instructions where present. */
  static byte[] hash(byte[] input) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(input);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK provides SHA-256", e);
    }
  }
}
