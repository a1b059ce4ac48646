package org.evmjit.besu;

import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.evmjit.evm.word.Word;
import org.hyperledger.besu.datatypes.Address;
import org.hyperledger.besu.datatypes.Wei;

/** Conversions between Besu's values and evmjit's, through their big-endian bytes. */
final class BesuValues {
  private BesuValues() {}

  static Address address(org.evmjit.evm.word.Address a) {
    return Address.wrap(Bytes.wrap(a.toBytes()));
  }

  static org.evmjit.evm.word.Address address(Address a) {
    return org.evmjit.evm.word.Address.fromBytes(a.getBytes().toArrayUnsafe());
  }

  static Word word(Bytes b) {
    return Word.fromBytes(b.toArrayUnsafe());
  }

  static Word word(Wei w) {
    return Word.fromBytes(w.toArrayUnsafe());
  }

  static Word word(UInt256 u) {
    return Word.fromBytes(u.toArrayUnsafe());
  }

  static UInt256 uint(Word w) {
    return UInt256.fromBytes(Bytes.wrap(w.toBytes32()));
  }

  static Bytes32 bytes32(Word w) {
    return Bytes32.wrap(w.toBytes32());
  }

  static Wei wei(Word w) {
    return Wei.wrap(Bytes.wrap(w.toBytes32()));
  }
}
