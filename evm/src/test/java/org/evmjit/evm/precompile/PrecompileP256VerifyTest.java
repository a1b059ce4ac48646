package org.evmjit.evm.precompile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Random;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.word.Address;
import org.junit.jupiter.api.Test;

/**
 * 0x100 P256VERIFY (EIP-7951), against signatures made by the JDK's own ECDSA (SunEC, an
 * implementation independent of the Bouncy Castle arithmetic the precompile uses), and the EIP's
 * input rules one by one.
 */
class PrecompileP256VerifyTest {
  private static final Precompile P256 = Precompiles.get(Address.of(0x100), Fork.OSAKA);
  private static final BigInteger N =
      new BigInteger("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551", 16);
  private static final BigInteger P =
      new BigInteger("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff", 16);
  private static final byte[] ONE = word(BigInteger.ONE);

  private static byte[] word(BigInteger v) {
    byte[] b = v.toByteArray();
    byte[] out = new byte[32];
    int n = Math.min(b.length, 32);
    System.arraycopy(b, b.length - n, out, 32 - n, n);
    return out;
  }

  private static BigInteger get(byte[] input, int field) {
    return new BigInteger(1, Arrays.copyOfRange(input, 32 * field, 32 * field + 32));
  }

  private static byte[] with(byte[] input, int field, BigInteger value) {
    byte[] out = input.clone();
    System.arraycopy(word(value), 0, out, 32 * field, 32);
    return out;
  }

  /** h, r, s, qx, qy for a JDK signature of the 32-byte hash {@code h}. */
  private static byte[] signed(byte[] h, long seed) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
    random.setSeed(seed);
    g.initialize(new ECGenParameterSpec("secp256r1"), random);
    KeyPair keys = g.generateKeyPair();
    Signature signer = Signature.getInstance("NONEwithECDSAinP1363Format");
    signer.initSign(keys.getPrivate(), random);
    signer.update(h);
    byte[] rs = signer.sign();
    ECPublicKey pub = (ECPublicKey) keys.getPublic();
    byte[] in = new byte[160];
    System.arraycopy(h, 0, in, 0, 32);
    System.arraycopy(rs, 0, in, 32, 64);
    System.arraycopy(word(pub.getW().getAffineX()), 0, in, 96, 32);
    System.arraycopy(word(pub.getW().getAffineY()), 0, in, 128, 32);
    return in;
  }

  private static void assertInvalid(byte[] input, String why) {
    assertArrayEquals(new byte[0], P256.execute(input), why);
    assertEquals(6900, P256.gasCost(input), why);
  }

  @Test
  void existsFromOsakaOnly() {
    assertNull(Precompiles.get(Address.of(0x100), Fork.PRAGUE));
    assertNull(Precompiles.get(Address.of(0x100), Fork.CANCUN));
    assertEquals(Address.of(0x100), Precompiles.addresses(Fork.OSAKA).getLast());
    assertNull(Precompiles.get(Address.of(0x101), Fork.OSAKA));
    assertNull(Precompiles.get(Address.of(0xff), Fork.OSAKA));
  }

  @Test
  void acceptsValidSignaturesAndRejectsAlteredOnes() throws Exception {
    Random rnd = new Random(7951);
    for (int i = 0; i < 20; i++) {
      byte[] h = new byte[32];
      rnd.nextBytes(h);
      byte[] in = signed(h, i);
      assertArrayEquals(ONE, P256.execute(in), "signature " + i);
      assertEquals(6900, P256.gasCost(in));
      // no low-s rule: (r, n - s) verifies too
      assertArrayEquals(ONE, P256.execute(with(in, 2, N.subtract(get(in, 2)))), "high s " + i);
      assertInvalid(with(in, 0, get(in, 0).add(BigInteger.ONE)), "other hash " + i);
      assertInvalid(with(in, 1, get(in, 1).add(BigInteger.ONE).mod(N).max(BigInteger.ONE)), "other r " + i);
    }
  }

  @Test
  void hashesAboveTheOrderAndZeroAreUsedModuloN() throws Exception {
    byte[] high = new byte[32];
    Arrays.fill(high, (byte) 0xff); // above n
    assertArrayEquals(ONE, P256.execute(signed(high, 1)));
    assertArrayEquals(ONE, P256.execute(signed(new byte[32], 2)), "h = 0");
  }

  @Test
  void enforcesTheInputRules() throws Exception {
    byte[] in = signed(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18,
        19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32}, 3);
    assertArrayEquals(ONE, P256.execute(in));
    assertInvalid(Arrays.copyOf(in, 159), "159 bytes");
    assertInvalid(Arrays.copyOf(in, 161), "161 bytes");
    assertInvalid(new byte[0], "empty");
    for (int field : new int[] {1, 2}) {
      assertInvalid(with(in, field, BigInteger.ZERO), "field " + field + " zero");
      assertInvalid(with(in, field, N), "field " + field + " = n");
      assertInvalid(with(in, field, get(in, field).add(N)), "field " + field + " + n");
    }
    assertInvalid(with(in, 3, get(in, 3).add(P)), "qx + p");
    assertInvalid(with(in, 4, get(in, 4).add(P)), "qy + p");
    assertInvalid(with(in, 4, get(in, 4).add(BigInteger.ONE).mod(P)), "off the curve");
    assertInvalid(with(with(in, 3, BigInteger.ZERO), 4, BigInteger.ZERO), "infinity (0, 0)");
  }
}
