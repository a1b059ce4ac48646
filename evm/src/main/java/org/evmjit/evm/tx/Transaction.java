package org.evmjit.evm.tx;

import java.math.BigInteger;
import java.util.List;
import org.evmjit.evm.word.Address;
import org.evmjit.evm.word.Word;

/**
 * A signed transaction, already decoded and with its sender recovered. Quantities that a
 * malformed or hostile transaction may push past 64 or 256 bits ({@code nonce}, {@code gasLimit},
 * prices) are {@link BigInteger}s, so validation can reject them instead of wrapping.
 *
 * @param type 0 legacy, 1 EIP-2930 access list, 2 EIP-1559, 3 EIP-4844 blob, 4 EIP-7702 set code
 * @param gasPrice legacy and type-1 price; null for types 2 and 3
 * @param maxFeePerGas types 2 and 3; null otherwise
 * @param maxPriorityFeePerGas types 2 and 3; null otherwise
 * @param to the callee, or null for a contract creation
 * @param accessList empty for legacy transactions
 * @param blobVersionedHashes type 3 only; empty otherwise
 * @param maxFeePerBlobGas type 3 only; null otherwise
 * @param authorizationList type 4 only; empty otherwise
 */
public record Transaction(
    int type,
    Address sender,
    BigInteger nonce,
    BigInteger gasLimit,
    BigInteger gasPrice,
    BigInteger maxFeePerGas,
    BigInteger maxPriorityFeePerGas,
    Address to,
    BigInteger value,
    byte[] data,
    List<AccessListEntry> accessList,
    List<Word> blobVersionedHashes,
    BigInteger maxFeePerBlobGas,
    List<Authorization> authorizationList) {

  public static final int LEGACY = 0;
  public static final int ACCESS_LIST = 1;
  public static final int EIP1559 = 2;
  public static final int BLOB = 3;
  public static final int SET_CODE = 4;

  /** A transaction of types 0 to 3 (no authorization list). */
  public Transaction(int type, Address sender, BigInteger nonce, BigInteger gasLimit, BigInteger gasPrice,
      BigInteger maxFeePerGas, BigInteger maxPriorityFeePerGas, Address to, BigInteger value, byte[] data,
      List<AccessListEntry> accessList, List<Word> blobVersionedHashes, BigInteger maxFeePerBlobGas) {
    this(type, sender, nonce, gasLimit, gasPrice, maxFeePerGas, maxPriorityFeePerGas, to, value, data,
        accessList, blobVersionedHashes, maxFeePerBlobGas, List.of());
  }

  public boolean isCreate() {
    return to == null;
  }
}
