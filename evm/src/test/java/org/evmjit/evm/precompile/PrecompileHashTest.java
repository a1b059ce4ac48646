package org.evmjit.evm.precompile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.word.Address;
import org.junit.jupiter.api.Test;

/** 0x01-0x04: ecrecover, SHA-256, RIPEMD-160, identity. */
class PrecompileHashTest {
  private static final Precompile ECRECOVER = Precompiles.get(Address.of(1), Fork.FRONTIER);
  private static final Precompile SHA256 = Precompiles.get(Address.of(2), Fork.FRONTIER);
  private static final Precompile RIPEMD160 = Precompiles.get(Address.of(3), Fork.FRONTIER);
  private static final Precompile IDENTITY = Precompiles.get(Address.of(4), Fork.FRONTIER);

  /** secp256k1 group order n. */
  private static final BigInteger N =
      new BigInteger("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16);

  /** go-ethereum's ecRecover.json "ValidKey": signed by 0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b. */
  private static final String HASH = "18c547e4f7b0f325ad1e56f57e26c745b09a3e503d86e00e5255ff7f715d3d1c";
  private static final String V28 = "00".repeat(31) + "1c";
  private static final String R = "73b1693892219d736caba55bdb67216e485557ea6b6af75f37096c9aa6a5a75f";
  private static final String S = "eeb940b1d03b21e36b0e47e79769f095fe2ab855bd91e3a38756b7d75a9c4549";
  private static final String SIGNER = "000000000000000000000000a94f5374fce5edbc8e2a8697c15331677e6ebf0b";

  private static byte[] hex(String s) {
    return HexFormat.of().parseHex(s);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static String word(BigInteger x) {
    return String.format("%064x", x);
  }

  @Test
  void ecrecoverRecoversTheSigner() {
    assertArrayEquals(hex(SIGNER), ECRECOVER.execute(hex(HASH + V28 + R + S)));
    // bytes beyond 128 are ignored
    assertArrayEquals(hex(SIGNER), ECRECOVER.execute(hex(HASH + V28 + R + S + "ffff")));
  }

  @Test
  void ecrecoverHasNoLowSRule() {
    // s above n/2 is accepted (the vector's s already is); (r, n - s) with the other v
    // recovers the same key
    assertEquals(1, new BigInteger(S, 16).compareTo(N.shiftRight(1)));
    String lowS = word(N.subtract(new BigInteger(S, 16)));
    assertArrayEquals(hex(SIGNER), ECRECOVER.execute(hex(HASH + "00".repeat(31) + "1b" + R + lowS)));
  }

  @Test
  void ecrecoverInvalidSignaturesGiveEmptyOutput() {
    byte[] empty = new byte[0];
    // go-ethereum's "InvalidHighV-bits-1/2/3": v must be the full word 27 or 28
    assertArrayEquals(empty, ECRECOVER.execute(hex(HASH + "10" + "00".repeat(30) + "1c" + R + S)));
    assertArrayEquals(empty, ECRECOVER.execute(hex(HASH + "00".repeat(19) + "10" + "00".repeat(11) + "1c" + R + S)));
    assertArrayEquals(empty, ECRECOVER.execute(hex(HASH + "00".repeat(31) + "1d" + R + S)), "v = 29");
    assertArrayEquals(empty, ECRECOVER.execute(hex(HASH + "00".repeat(31) + "00" + R + S)), "v = 0");
    assertArrayEquals(empty, ECRECOVER.execute(hex(HASH + V28 + word(BigInteger.ZERO) + S)), "r = 0");
    assertArrayEquals(empty, ECRECOVER.execute(hex(HASH + V28 + R + word(BigInteger.ZERO))), "s = 0");
    assertArrayEquals(empty, ECRECOVER.execute(hex(HASH + V28 + word(N) + S)), "r = n");
    assertArrayEquals(empty, ECRECOVER.execute(hex(HASH + V28 + R + word(N))), "s = n");
    assertArrayEquals(empty, ECRECOVER.execute(new byte[0]));
    assertArrayEquals(empty, ECRECOVER.execute(hex(HASH + V28)), "r and s missing read as 0");
    // go-ethereum's "CallEcrecoverUnrecoverableKey": r is no x-coordinate on the curve
    assertArrayEquals(empty, ECRECOVER.execute(hex(
        "a8b53bdf3306a35a7103ab5504a0c9b492295564b6202b1942a84ef300107281"
            + "000000000000000000000000000000000000000000000000000000000000001b"
            + "3078356531653033663533636531386237373263636230303933666637316633"
            + "6635336635633735623734646362333161383561613862383839326234653862"
            + "1122334455667788991011121314151617181920212223242526272829303132")));
  }

  @Test
  void ecrecoverGas() {
    assertEquals(3000, ECRECOVER.gasCost(new byte[0]));
    assertEquals(3000, ECRECOVER.gasCost(new byte[1000]));
  }

  @Test
  void sha256() {
    assertArrayEquals(hex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        SHA256.execute(new byte[0]));
    assertArrayEquals(hex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        SHA256.execute(ascii("abc")));
    assertEquals(60, SHA256.gasCost(new byte[0]));
    assertEquals(72, SHA256.gasCost(new byte[1]));
    assertEquals(72, SHA256.gasCost(new byte[32]));
    assertEquals(84, SHA256.gasCost(new byte[33]));
  }

  @Test
  void ripemd160IsLeftPaddedTo32Bytes() {
    assertArrayEquals(hex("000000000000000000000000" + "9c1185a5c5e9fc54612808977ee8f548b2258d31"),
        RIPEMD160.execute(new byte[0]));
    assertArrayEquals(hex("000000000000000000000000" + "8eb208f7e05d987a9b044a8e98c6b087f15a0bfc"),
        RIPEMD160.execute(ascii("abc")));
    assertEquals(600, RIPEMD160.gasCost(new byte[0]));
    assertEquals(720, RIPEMD160.gasCost(new byte[32]));
    assertEquals(840, RIPEMD160.gasCost(new byte[33]));
  }

  @Test
  void identityCopies() {
    byte[] in = ascii("hello");
    byte[] out = IDENTITY.execute(in);
    assertArrayEquals(in, out);
    assertArrayEquals(new byte[0], IDENTITY.execute(new byte[0]));
    assertEquals(15, IDENTITY.gasCost(new byte[0]));
    assertEquals(18, IDENTITY.gasCost(new byte[32]));
    assertEquals(21, IDENTITY.gasCost(new byte[33]));
  }

  @Test
  void pricesDoNotChangeAcrossForks() {
    for (Fork fork : Fork.values()) {
      assertEquals(3000, Precompiles.get(Address.of(1), fork).gasCost(new byte[64]));
      assertEquals(84, Precompiles.get(Address.of(2), fork).gasCost(new byte[64]));
      assertEquals(840, Precompiles.get(Address.of(3), fork).gasCost(new byte[64]));
      assertEquals(21, Precompiles.get(Address.of(4), fork).gasCost(new byte[64]));
    }
  }
}
