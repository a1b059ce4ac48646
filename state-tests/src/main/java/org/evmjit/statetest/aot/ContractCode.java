package org.evmjit.statetest.aot;

import java.util.HexFormat;

/**
 * A piece of contract code found in an input file.
 *
 * @param code the EVM bytecode (possibly empty)
 * @param hash its Keccak-256
 * @param origin where it was first found, for messages ({@code file: test: pre.0x...code})
 */
public record ContractCode(byte[] code, byte[] hash, String origin) {
  public String hashHex() {
    return HexFormat.of().formatHex(hash);
  }
}
