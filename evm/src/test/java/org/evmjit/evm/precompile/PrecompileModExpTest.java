package org.evmjit.evm.precompile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.HexFormat;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.word.Address;
import org.junit.jupiter.api.Test;

/** 0x05 modexp: EIP-198 results and pricing, EIP-2565 pricing from Berlin, huge lengths. */
class PrecompileModExpTest {
  private static final Precompile BYZANTIUM = Precompiles.get(Address.of(5), Fork.BYZANTIUM);
  private static final Precompile ISTANBUL = Precompiles.get(Address.of(5), Fork.ISTANBUL);
  private static final Precompile BERLIN = Precompiles.get(Address.of(5), Fork.BERLIN);
  private static final Precompile CANCUN = Precompiles.get(Address.of(5), Fork.CANCUN);
  private static final Precompile PRAGUE = Precompiles.get(Address.of(5), Fork.PRAGUE);
  private static final Precompile OSAKA = Precompiles.get(Address.of(5), Fork.OSAKA);

  private static final String MAX_WORD = "ff".repeat(32);

  private static byte[] hex(String s) {
    return HexFormat.of().parseHex(s);
  }

  private static String len(long n) {
    return String.format("%064x", n);
  }

  /** The input for base^exp mod modulus with the given operand hex strings. */
  private static byte[] call(String base, String exp, String mod) {
    return hex(len(base.length() / 2) + len(exp.length() / 2) + len(mod.length() / 2) + base + exp + mod);
  }

  /** EIP-198 example 1: 3^(p-1) mod p = 1 for the secp256k1 field prime p. */
  private static final String EIP198_EXAMPLE_1 =
      len(1) + len(32) + len(32) + "03"
          + "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2e"
          + "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f";

  /** EIP-198 example 2: 0^(p-1) mod p with an empty base. */
  private static final String EIP198_EXAMPLE_2 =
      len(0) + len(32) + len(32)
          + "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2e"
          + "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f";

  @Test
  void eip198Examples() {
    byte[] one = hex(len(1));
    assertArrayEquals(one, BYZANTIUM.execute(hex(EIP198_EXAMPLE_1)));
    assertArrayEquals(new byte[32], BYZANTIUM.execute(hex(EIP198_EXAMPLE_2)));
    // mult_complexity(32) = 1024, adjusted exponent length 255: 1024 * 255 / 20
    assertEquals(13056, BYZANTIUM.gasCost(hex(EIP198_EXAMPLE_1)));
    assertEquals(13056, BYZANTIUM.gasCost(hex(EIP198_EXAMPLE_2)));
    assertEquals(13056, ISTANBUL.gasCost(hex(EIP198_EXAMPLE_1)));
    // EIP-2565: ceil(32 / 8)^2 * 255 / 3
    assertEquals(1360, BERLIN.gasCost(hex(EIP198_EXAMPLE_1)));
    assertEquals(1360, CANCUN.gasCost(hex(EIP198_EXAMPLE_2)));
  }

  @Test
  void nagydaniVectorPricing() {
    // the EIP-2565 vectors "nagydani-1-*": 64-byte base and modulus
    String base = "e09ad9675465c53a109fac66a445c91b292d2bb2c5268addb30cd82f80fcb0033ff97c80a5fc6f39193ae969c6ede6710a6b7ac27078a06d90ef1c72e5c85fb5";
    String mod = "fc9e1f6beb81516545975218075ec2af118cd8798df6e08a147c60fd6095ac2bb02c2908cf4dd7c81f11c289e4bce98f3553768f392a80ce22bf5c4f4a248c6b";
    byte[] square = call(base, "02", mod);
    byte[] qube = call(base, "03", mod);
    byte[] pow10001 = call(base, "010001", mod);
    assertArrayEquals(hex("60008f1614cc01dcfb6bfb09c625cf90b47d4468db81b5f8b7a39d42f332eab9b2da8f2d95311648a8f243f4bb13cfb3d8f7f2a3c014122ebb3ed41b02783adc"),
        BERLIN.execute(square));
    assertArrayEquals(hex("4834a46ba565db27903b1c720c9d593e84e4cbd6ad2e64b31885d944f68cd801f92225a8961c952ddf2797fa4701b330c85c4b363798100b921a1a22a46a7fec"),
        BERLIN.execute(qube));
    assertArrayEquals(hex("c36d804180c35d4426b57b50c5bfcca5c01856d104564cd513b461d3c8b8409128a5573e416d0ebe38f5f736766d9dc27143e4da981dfa4d67f7dc474cbee6d2"),
        BERLIN.execute(pow10001));
    // EIP-198: mult_complexity(64) = 4096
    assertEquals(204, BYZANTIUM.gasCost(square));
    assertEquals(204, BYZANTIUM.gasCost(qube));
    assertEquals(3276, BYZANTIUM.gasCost(pow10001));
    // EIP-2565: 8 words -> 64; the minimum is 200
    assertEquals(200, BERLIN.gasCost(square));
    assertEquals(200, BERLIN.gasCost(qube));
    assertEquals(341, BERLIN.gasCost(pow10001));
  }

  @Test
  void eip198ComplexityTiers() {
    // max length 128 (middle tier): 128^2/4 + 96*128 - 3072 = 13312, exponent 0x10001 -> 16
    String b128 = "01" + "00".repeat(127);
    byte[] in = call(b128, "010001", b128);
    assertEquals(13312L * 16 / 20, BYZANTIUM.gasCost(in));
    assertEquals(16L * 16 * 16 / 3, BERLIN.gasCost(in));
    // max length 2048 (top tier): 2048^2/16 + 480*2048 - 199680 = 1045504
    byte[] big = hex(len(2048) + len(1) + len(1) + "00".repeat(2048) + "03" + "05");
    assertEquals(1045504L * 1 / 20, BYZANTIUM.gasCost(big));
    assertEquals(256L * 256 * 1 / 3, BERLIN.gasCost(big));
  }

  @Test
  void longExponentsCountEightBitsPerByteBeyond32() {
    // 40-byte exponent whose first 32 bytes are 0x00..01: 8 * 8 + 0 iterations
    String exp = "00".repeat(31) + "01" + "ff".repeat(8);
    byte[] in = call("02", exp, "07");
    assertEquals(64L / 20, BYZANTIUM.gasCost(in));
    assertEquals(200, BERLIN.gasCost(in));
    // exponent declared longer than the input: missing bytes read as zero
    byte[] truncated = hex(len(1) + len(64) + len(1) + "02" + "80");
    assertEquals((8L * 32 + 255) / 20, BYZANTIUM.gasCost(truncated));
  }

  @Test
  void hugeLengthsSaturateWithoutOverflow() {
    // a 2^256 - 1 byte base: "too much"
    byte[] hugeBase = hex(MAX_WORD + len(0) + len(1));
    assertEquals(Long.MAX_VALUE, BYZANTIUM.gasCost(hugeBase));
    assertEquals(Long.MAX_VALUE, BERLIN.gasCost(hugeBase));
    byte[] hugeMod = hex(len(1) + len(1) + MAX_WORD + "02" + "03");
    assertEquals(Long.MAX_VALUE, BYZANTIUM.gasCost(hugeMod));
    assertEquals(Long.MAX_VALUE, BERLIN.gasCost(hugeMod));
    byte[] hugeExp = hex(len(1) + MAX_WORD + len(1) + "02" + "ff".repeat(32) + "03");
    assertEquals(Long.MAX_VALUE, BYZANTIUM.gasCost(hugeExp));
    assertEquals(Long.MAX_VALUE, BERLIN.gasCost(hugeExp));
    // large but representable: 2^32-byte exponent with 1-byte modulus
    byte[] longExp = hex(len(0) + len(1L << 32) + len(1));
    assertEquals(8L * ((1L << 32) - 32) / 20, BYZANTIUM.gasCost(longExp));
    assertEquals(8L * ((1L << 32) - 32) / 3, BERLIN.gasCost(longExp));
  }

  @Test
  void zeroLengthBaseAndModulusCostLittleWhateverTheExponent() {
    // mult_complexity(0) = 0: free before Berlin, the minimum 200 after
    byte[] in = hex(len(0) + MAX_WORD + len(0));
    assertEquals(0, BYZANTIUM.gasCost(in));
    assertEquals(200, BERLIN.gasCost(in));
    assertArrayEquals(new byte[0], BYZANTIUM.execute(in));
    assertArrayEquals(new byte[0], BERLIN.execute(in));
    assertArrayEquals(new byte[0], BERLIN.execute(new byte[0]));
    assertEquals(0, BYZANTIUM.gasCost(new byte[0]));
    assertEquals(200, BERLIN.gasCost(new byte[0]));
  }

  @Test
  void eip7883PricingFromOsaka() {
    // max length 32: complexity 16; 255 iterations (EIP-2565 in Prague: 1360)
    assertEquals(16 * 255, OSAKA.gasCost(hex(EIP198_EXAMPLE_1)));
    assertEquals(1360, PRAGUE.gasCost(hex(EIP198_EXAMPLE_1)));
    // 64-byte operands: 2 * 8^2 = 128; exponent 0x10001: 16 iterations; exponent 2: the minimum 500
    String base = "01" + "00".repeat(63);
    assertEquals(128 * 16, OSAKA.gasCost(call(base, "010001", base)));
    assertEquals(500, OSAKA.gasCost(call(base, "02", base)));
    // 40-byte exponent, first 32 bytes 0x01 00..00 (bit 248): 16 * 8 + 248 iterations
    String exp = "01" + "00".repeat(39);
    assertEquals(16 * (16 * 8 + 248), OSAKA.gasCost(call("03", exp, "05")));
    assertEquals(200, PRAGUE.gasCost(call("03", exp, "05")), "EIP-2565: 8 * 8 + 248 = 312 / 3");
    // the results themselves do not change
    assertArrayEquals(BERLIN.execute(call(base, "010001", "07" + base)),
        OSAKA.execute(call(base, "010001", "07" + base)));
  }

  @Test
  void eip7823BoundsEachLengthTo1024BytesFromOsaka() {
    String k = "01" + "00".repeat(1023); // 1024 bytes: allowed, 2 * 128^2 for one iteration
    assertEquals(2 * 128 * 128, OSAKA.gasCost(call(k, "03", k)));
    String over = "01" + "00".repeat(1024); // 1025 bytes
    for (byte[] in : new byte[][] {call(over, "03", "05"), call("03", over, "05"), call("03", "05", over)}) {
      assertEquals(Long.MAX_VALUE, OSAKA.gasCost(in), "a length over 1024 fails the call");
      assertTrue(PRAGUE.gasCost(in) < 10_000_000, "no bound before Osaka");
    }
    // the bound applies to the declared length, even with no operand bytes given
    assertEquals(Long.MAX_VALUE, OSAKA.gasCost(hex(len(0) + len(0) + len(1025))));
  }

  @Test
  void resultsHaveTheModulusLength() {
    assertArrayEquals(hex("0002"), BERLIN.execute(call("02", "01", "0100")));
    assertArrayEquals(hex("00000000"), BERLIN.execute(call("02", "05", "00000000")), "mod 0");
    assertArrayEquals(hex("00"), BERLIN.execute(call("05", "03", "01")), "mod 1");
    assertArrayEquals(hex("01"), BERLIN.execute(call("00", "00", "05")), "0^0 = 1");
    assertArrayEquals(hex("01"), BERLIN.execute(call("", "", "05")), "empty base and exponent");
    assertArrayEquals(hex("04"), BERLIN.execute(call("02", "02", "07")));
    // a result with its top bit set (BigInteger adds a sign byte internally)
    assertArrayEquals(hex("00fe"), BERLIN.execute(call("fe", "01", "00ff")));
    assertArrayEquals(hex("fe"), BERLIN.execute(call("fe", "01", "ff")));
    // operands are read modulo the modulus: 0x0100 mod 0xff = 1
    assertArrayEquals(hex("01"), BERLIN.execute(call("0100", "05", "ff")));
  }

  @Test
  void missingInputBytesReadAsZero() {
    // modulus 0x05 declared as 2 bytes but only its first byte given: 0x0500
    byte[] in = hex(len(1) + len(1) + len(2) + "03" + "02" + "05");
    assertArrayEquals(new BigInteger("9").toByteArray(), strip(BERLIN.execute(in)));
    assertEquals(2, BERLIN.execute(in).length);
  }

  private static byte[] strip(byte[] b) {
    return new BigInteger(1, b).toByteArray();
  }
}
