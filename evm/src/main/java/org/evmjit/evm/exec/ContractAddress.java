package org.evmjit.evm.exec;

import org.evmjit.evm.crypto.Keccak;
import org.evmjit.evm.rlp.Rlp;
import org.evmjit.evm.word.Address;
import org.evmjit.evm.word.Word;

/** The addresses CREATE and CREATE2 give new contracts. */
public final class ContractAddress {
  private ContractAddress() {}

  /** CREATE: the last 20 bytes of keccak256(rlp([sender, nonce])). */
  public static Address create(Address sender, long nonce) {
    byte[] rlp = Rlp.encodeList(Rlp.encodeBytes(sender.toBytes()), Rlp.encodeLong(nonce));
    return Address.fromBytes(Keccak.hash(rlp), 12);
  }

  /** CREATE2 (EIP-1014): the last 20 bytes of keccak256(0xff ++ sender ++ salt ++ keccak256(initcode)). */
  public static Address create2(Address sender, Word salt, byte[] initcode) {
    byte[] preimage = new byte[1 + 20 + 32 + 32];
    preimage[0] = (byte) 0xff;
    System.arraycopy(sender.toBytes(), 0, preimage, 1, 20);
    System.arraycopy(salt.toBytes32(), 0, preimage, 21, 32);
    System.arraycopy(Keccak.hash(initcode), 0, preimage, 53, 32);
    return Address.fromBytes(Keccak.hash(preimage), 12);
  }
}
