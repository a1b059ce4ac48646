package org.evmjit.evm.precompile.bn254;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The BN254 tower, curve groups and pairing checked against their defining properties. */
class PrecompileBn254MathTest {
  private static final BigInteger P = Fp.MODULUS;
  private static final BigInteger R = CurveParams.ORDER;
  private final Random random = new Random(42);

  /** The standard G2 generator (x = x_re + x_im u, y = y_re + y_im u). */
  static final G2Point G2_GENERATOR =
      G2Point.of(
          new Fp2(
              fp("10857046999023057135944570762232829481370756359578518086990519993285655852781"),
              fp("11559732032986387107991004021392285783925812861821192530917403151452391805634")),
          new Fp2(
              fp("8495653923123431417604973247489272438418190587263600148770280649306958101930"),
              fp("4082367875863433681332203403145435568316851327593401208105741076214120093531")));

  private static Fp fp(String decimal) {
    return Fp.of(new BigInteger(decimal));
  }

  private BigInteger randomBelow(BigInteger bound) {
    BigInteger x;
    do {
      x = new BigInteger(bound.bitLength(), random);
    } while (x.compareTo(bound) >= 0);
    return x;
  }

  private Fp randomFp() {
    return Fp.of(randomBelow(P));
  }

  private Fp2 randomFp2() {
    return new Fp2(randomFp(), randomFp());
  }

  private Fp12 randomFp12() {
    return new Fp12(
        new Fp6(randomFp2(), randomFp2(), randomFp2()),
        new Fp6(randomFp2(), randomFp2(), randomFp2()));
  }

  @Test
  void fpArithmeticMatchesBigInteger() {
    List<BigInteger> edge =
        List.of(BigInteger.ZERO, BigInteger.ONE, P.subtract(BigInteger.ONE), P.shiftRight(1),
            BigInteger.ONE.shiftLeft(253), BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE));
    for (int i = 0; i < 2000; i++) {
      BigInteger a = i < edge.size() ? edge.get(i) : randomBelow(P);
      BigInteger b = i < edge.size() ? edge.get(edge.size() - 1 - i) : randomBelow(P);
      Fp fa = Fp.of(a);
      Fp fb = Fp.of(b);
      assertEquals(a, fa.toBigInteger());
      assertEquals(a.add(b).mod(P), fa.add(fb).toBigInteger());
      assertEquals(a.subtract(b).mod(P), fa.sub(fb).toBigInteger());
      assertEquals(a.multiply(b).mod(P), fa.mul(fb).toBigInteger());
      assertEquals(a.negate().mod(P), fa.neg().toBigInteger());
      if (a.signum() != 0) {
        assertEquals(Fp.ONE, fa.mul(fa.inverse()));
      }
    }
  }

  @Test
  void fpDecodingRejectsValuesNotBelowP() {
    byte[] in = new byte[32];
    byte[] p = P.toByteArray(); // 32 bytes, top bit clear
    System.arraycopy(p, p.length - 32, in, 0, 32);
    assertNull(Fp.fromBytes(in, 0));
    in[31]--;
    assertEquals(P.subtract(BigInteger.ONE), Fp.fromBytes(in, 0).toBigInteger());
  }

  @Test
  void towerInversesAndFrobenius() {
    for (int i = 0; i < 5; i++) {
      Fp2 a2 = randomFp2();
      assertEquals(Fp2.ONE, a2.mul(a2.inverse()));
      assertEquals(a2.mul(a2), a2.square());
      Fp12 a = randomFp12();
      Fp12 b = randomFp12();
      assertEquals(Fp12.ONE, a.mul(a.inverse()));
      assertEquals(a.mul(a), a.square());
      assertEquals(a.mul(b), b.mul(a));
      assertEquals(a.pow(P), a.frobenius(1));
      assertEquals(a.frobenius(1).frobenius(1), a.frobenius(2));
      assertEquals(a.frobenius(2).frobenius(1), a.frobenius(3));
      Fp6 c6 = new Fp6(randomFp2(), randomFp2(), randomFp2());
      Fp2 l0 = randomFp2();
      Fp2 l1 = randomFp2();
      Fp2 l3 = randomFp2();
      Fp12 line = new Fp12(new Fp6(l0, Fp2.ZERO, Fp2.ZERO), new Fp6(l1, l3, Fp2.ZERO));
      assertEquals(a.mul(line), a.mulByLine(l0, l1, l3));
      assertEquals(Fp6.ONE, c6.mul(c6.inverse()));
    }
  }

  @Test
  void fastFinalExponentiationMatchesTheDefinition() {
    BigInteger hard = P.pow(4).subtract(P.pow(2)).add(BigInteger.ONE).divide(R);
    assertEquals(P.pow(4).subtract(P.pow(2)).add(BigInteger.ONE), hard.multiply(R));
    Fp12 f = randomFp12();
    Fp12 easy = f.conjugate().mul(f.inverse());
    easy = easy.frobenius(2).mul(easy);
    // after the easy part the value is in the cyclotomic subgroup
    assertEquals(easy.square(), easy.cyclotomicSquare());
    assertEquals(easy.pow(CurveParams.U), easy.cyclotomicPow(CurveParams.U));
    assertEquals(easy.pow(hard), Pairing.hardPart(easy));
  }

  @Test
  void generatorsAreInTheirGroups() {
    assertNotNull(G2_GENERATOR);
    assertTrue(G2_GENERATOR.isInSubgroup());
    assertTrue(G2_GENERATOR.mul(R).isInfinity());
    assertTrue(G1Point.GENERATOR.mul(R).isInfinity());
    assertEquals(G1Point.GENERATOR.add(G1Point.GENERATOR), G1Point.GENERATOR.mul(BigInteger.TWO));
    assertEquals(G2_GENERATOR.add(G2_GENERATOR), G2_GENERATOR.mul(BigInteger.TWO));
    BigInteger k = randomBelow(R);
    assertEquals(G1Point.GENERATOR.mul(k).add(G1Point.GENERATOR), G1Point.GENERATOR.mul(k.add(BigInteger.ONE)));
    assertEquals(G2_GENERATOR.mul(k).add(G2_GENERATOR), G2_GENERATOR.mul(k.add(BigInteger.ONE)));
    // the twisted Frobenius acts on G2 as multiplication by p
    assertEquals(G2_GENERATOR.mul(P.mod(R)), G2_GENERATOR.frobenius());
  }

  @Test
  void twistPointOutsideTheSubgroupIsRejected() {
    // find a point on the twist with x = 1 + t*u: its order is almost surely not r
    for (int t = 1; ; t++) {
      Fp2 x = new Fp2(Fp.ONE, Fp.of(t));
      Fp2 rhs = x.square().mul(x).add(CurveParams.B_TWIST);
      Fp2 y = sqrt(rhs);
      if (y != null) {
        G2Point q = G2Point.of(x, y);
        assertNotNull(q);
        assertFalse(q.mul(R).isInfinity());
        assertFalse(q.isInSubgroup());
        assertNull(G2Point.decode(q.encode(), 0));
        // its cofactor multiple [2p - r]Q is in G2
        G2Point cleared = q.mul(P.shiftLeft(1).subtract(R));
        assertTrue(cleared.mul(R).isInfinity());
        assertTrue(cleared.isInSubgroup());
        assertEquals(cleared, G2Point.decode(cleared.encode(), 0));
        return;
      }
    }
  }

  /**
   * A square root in F_p^2 for p = 3 mod 4 (Adj and Rodriguez-Henriquez, "Square root
   * computation over even extension fields", algorithm 9), or null when there is none.
   */
  private static Fp2 sqrt(Fp2 a) {
    BigInteger p = P;
    Fp2 a1 = a.pow(p.subtract(BigInteger.valueOf(3)).divide(BigInteger.valueOf(4)));
    Fp2 alpha = a1.mul(a1).mul(a);
    Fp2 x0 = a1.mul(a);
    if (alpha.equals(Fp2.ONE.neg())) {
      return new Fp2(Fp.ZERO, Fp.ONE).mul(x0);
    }
    Fp2 b = alpha.add(Fp2.ONE).pow(p.subtract(BigInteger.ONE).divide(BigInteger.TWO));
    Fp2 x = b.mul(x0);
    return x.square().equals(a) ? x : null;
  }

  @Test
  void pairingIsBilinearAndNonDegenerate() {
    BigInteger a = randomBelow(R);
    BigInteger b = randomBelow(R);
    G1Point p = G1Point.GENERATOR;
    G2Point q = G2_GENERATOR;
    Fp12 e = Pairing.pair(p, q);
    assertNotEquals(Fp12.ONE, e);
    assertTrue(e.pow(R).isOne());
    assertEquals(e.pow(a.multiply(b).mod(R)), Pairing.pair(p.mul(a), q.mul(b)));
    assertEquals(Pairing.pair(p.mul(b), q.mul(a)), Pairing.pair(p.mul(a), q.mul(b)));
    // e(aP, bQ) * e(-abP, Q) = 1
    assertTrue(
        Pairing.isProductOne(
            List.of(p.mul(a), p.mul(a.multiply(b).mod(R)).negate()), List.of(q.mul(b), q)));
    assertFalse(
        Pairing.isProductOne(List.of(p.mul(a), p.mul(a.multiply(b).mod(R))), List.of(q.mul(b), q)));
    assertTrue(Pairing.isProductOne(List.of(), List.of()));
    assertTrue(Pairing.isProductOne(List.of(G1Point.INFINITY), List.of(q)));
    assertTrue(Pairing.isProductOne(List.of(p), List.of(G2Point.INFINITY)));
  }
}
