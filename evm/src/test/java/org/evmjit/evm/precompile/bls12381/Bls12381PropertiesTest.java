package org.evmjit.evm.precompile.bls12381;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

/**
 * Algebraic properties of the BLS12-381 arithmetic and the precompiles' validation: field
 * arithmetic against BigInteger, subgroup tests against [r]P = 0, pairing bilinearity, MSM
 * against repeated addition, and rejection of bad encodings.
 */
class Bls12381PropertiesTest {
  private static final BigInteger P = Fp.MODULUS;
  private static final BigInteger R = CurveParams.ORDER;
  private final Random random = new Random(2537);

  private BigInteger randomBelow(BigInteger bound) {
    BigInteger v;
    do {
      v = new BigInteger(bound.bitLength(), random);
    } while (v.compareTo(bound) >= 0);
    return v;
  }

  @Test
  void fieldArithmeticMatchesBigInteger() {
    for (int i = 0; i < 200; i++) {
      BigInteger a = randomBelow(P);
      BigInteger b = randomBelow(P);
      Fp fa = Fp.of(a);
      Fp fb = Fp.of(b);
      assertEquals(a.multiply(b).mod(P), fa.mul(fb).toBigInteger());
      assertEquals(a.add(b).mod(P), fa.add(fb).toBigInteger());
      assertEquals(a.subtract(b).mod(P), fa.sub(fb).toBigInteger());
      assertEquals(a.modInverse(P), fa.inverse().toBigInteger());
      Fp root = fa.square().sqrt();
      assertNotNull(root);
      assertEquals(fa.square(), root.square());
    }
    Fp minusOne = Fp.ONE.neg(); // p = 3 mod 4: -1 is not a square
    assertNull(minusOne.sqrt());
  }

  @Test
  void fp2SquareRootsAndNonSquares() {
    int nonSquares = 0;
    for (int i = 0; i < 40; i++) {
      Fp2 a = new Fp2(Fp.of(randomBelow(P)), Fp.of(randomBelow(P)));
      Fp2 root = a.square().sqrt();
      assertNotNull(root);
      assertEquals(a.square(), root.square());
      if (a.sqrt() == null) {
        nonSquares++;
      }
    }
    assertTrue(nonSquares > 5 && nonSquares < 35, "about half are non-squares: " + nonSquares);
  }

  @Test
  void fieldElementEncodingIsStrict() {
    byte[] in = new byte[64];
    byte[] p = P.toByteArray(); // 48 bytes, no sign byte since the top bit is clear
    System.arraycopy(p, 0, in, 64 - p.length, p.length);
    assertNull(Fp.fromBytes(in, 0), "p itself");
    in[63] -= 1;
    assertEquals(P.subtract(BigInteger.ONE), Fp.fromBytes(in, 0).toBigInteger());
    in[15] = 1;
    assertNull(Fp.fromBytes(in, 0), "a non-zero byte among the top 16");
  }

  @Test
  void subgroupTestsAgreeWithMultiplicationByTheOrder() {
    G1Point g1 = G1Point.GENERATOR.mul(randomBelow(R));
    assertTrue(g1.isInSubgroup());
    assertTrue(g1.mul(R).isInfinity());
    G1Point off = g1OutsideSubgroup();
    assertFalse(off.mul(R).isInfinity());
    assertFalse(off.isInSubgroup());
    assertTrue(off.mul(CurveParams.H_EFF_G1).isInSubgroup());

    G2Point g2 = G2Point.GENERATOR.mul(randomBelow(R));
    assertTrue(g2.isInSubgroup());
    assertTrue(g2.mul(R).isInfinity());
    G2Point off2 = g2OutsideSubgroup();
    assertFalse(off2.mul(R).isInfinity());
    assertFalse(off2.isInSubgroup());
    assertTrue(off2.mul(CurveParams.H_EFF_G2).isInSubgroup());
  }

  @Test
  void fastCofactorClearingEqualsMultiplicationByHeff() {
    G2Point off = g2OutsideSubgroup();
    G2Point g = G2Point.GENERATOR;
    for (G2Point p : List.of(off, off.add(g), g, G2Point.INFINITY)) {
      assertEquals(p.mul(CurveParams.H_EFF_G2), p.clearCofactor());
    }
  }

  @Test
  void pairingIsBilinearAndNonDegenerate() {
    BigInteger a = randomBelow(R);
    BigInteger b = randomBelow(R);
    G1Point p = G1Point.GENERATOR;
    G2Point q = G2Point.GENERATOR;
    Fp12 e = Pairing.pair(p, q);
    assertFalse(e.isOne());
    Fp12 eab = Pairing.pair(p.mul(a), q.mul(b));
    assertEquals(eab, Pairing.pair(p.mul(a.multiply(b)), q));
    assertEquals(eab, Pairing.pair(p, q.mul(a.multiply(b))));
    assertEquals(Pairing.pair(p, q.negate()), Pairing.pair(p.negate(), q));
    assertTrue(Pairing.pair(p, q.mul(R)).isOne());
    assertTrue(Pairing.isProductOne(List.of(p.mul(a), p.negate()), List.of(q, q.mul(a))));
    assertFalse(Pairing.isProductOne(List.of(p.mul(a), p), List.of(q, q.mul(a))));
  }

  @Test
  void pairingCheckPrecompile() {
    BigInteger a = randomBelow(R);
    PairingCheck check = new PairingCheck();
    byte[] good =
        concat(
            G1Point.GENERATOR.mul(a).encode(),
            G2Point.GENERATOR.encode(),
            G1Point.GENERATOR.negate().encode(),
            G2Point.GENERATOR.mul(a).encode());
    assertEquals(1, check.execute(good)[31]);
    assertEquals(32_600 * 2 + 37_700, check.gasCost(good));
    byte[] bad = concat(G1Point.GENERATOR.encode(), G2Point.GENERATOR.encode());
    assertEquals(0, check.execute(bad)[31]);
    assertNull(check.execute(new byte[0]), "empty input");
    assertNull(check.execute(new byte[383]), "not a multiple of 384");
    assertNull(
        check.execute(concat(g1OutsideSubgroup().encode(), G2Point.GENERATOR.encode())),
        "G1 point outside the subgroup");
    assertNull(
        check.execute(concat(G1Point.GENERATOR.encode(), g2OutsideSubgroup().encode())),
        "G2 point outside the subgroup");
    assertEquals(
        1, check.execute(concat(G1Point.INFINITY.encode(), G2Point.GENERATOR.encode()))[31]);
  }

  @Test
  void msmMatchesRepeatedAddition() {
    G1Add add1 = new G1Add();
    G1Msm msm1 = new G1Msm();
    G1Point p = G1Point.GENERATOR.mul(randomBelow(R));
    G1Point q = G1Point.GENERATOR.mul(randomBelow(R));
    byte[] sum = G1Point.INFINITY.encode();
    for (int i = 0; i < 3; i++) {
      sum = add1.execute(concat(sum, p.encode()));
    }
    for (int i = 0; i < 5; i++) {
      sum = add1.execute(concat(sum, q.encode()));
    }
    assertArrayEquals(sum, msm1.execute(concat(p.encode(), scalar(3), q.encode(), scalar(5))));

    G2Add add2 = new G2Add();
    G2Msm msm2 = new G2Msm();
    G2Point s = G2Point.GENERATOR.mul(randomBelow(R));
    G2Point t = G2Point.GENERATOR.mul(randomBelow(R));
    byte[] sum2 = add2.execute(concat(s.encode(), s.encode()));
    sum2 = add2.execute(concat(sum2, t.encode()));
    assertArrayEquals(sum2, msm2.execute(concat(s.encode(), scalar(2), t.encode(), scalar(1))));
  }

  @Test
  void pippengerMatchesTheSumOfSingleMultiplications() {
    BigInteger max = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
    for (int k : new int[] {2, 5, 33}) {
      List<G1Point> ps = new java.util.ArrayList<>();
      List<G2Point> qs = new java.util.ArrayList<>();
      List<BigInteger> scalars = new java.util.ArrayList<>();
      for (int i = 0; i < k; i++) {
        ps.add(G1Point.GENERATOR.mul(randomBelow(R)));
        qs.add(G2Point.GENERATOR.mul(randomBelow(R)));
        scalars.add(new BigInteger(256, random));
      }
      // edge cases: a repeated point, a point and its negation, infinity, scalars 0, r, 2^256-1
      ps.set(1, ps.get(0));
      qs.set(1, qs.get(0));
      scalars.set(1, scalars.get(0));
      if (k > 2) {
        ps.set(2, ps.get(0).negate());
        qs.set(2, qs.get(0).negate());
        ps.set(3, G1Point.INFINITY);
        qs.set(3, G2Point.INFINITY);
        scalars.set(3, R);
        scalars.set(4, max);
      }
      G1Point expected1 = G1Point.INFINITY;
      G2Point expected2 = G2Point.INFINITY;
      for (int i = 0; i < k; i++) {
        expected1 = expected1.add(ps.get(i).mul(scalars.get(i)));
        expected2 = expected2.add(qs.get(i).mul(scalars.get(i)));
      }
      assertEquals(expected1, G1Point.sumOfProducts(ps, scalars), "G1, k = " + k);
      assertEquals(expected2, G2Point.sumOfProducts(qs, scalars), "G2, k = " + k);
    }
  }

  @Test
  void scalarsAreNotReduced() {
    G1Point p = G1Point.GENERATOR.mul(randomBelow(R));
    byte[] big = R.add(BigInteger.valueOf(7)).toByteArray(); // r + 7 < 2^255: at most 32 bytes
    byte[] s = new byte[32];
    System.arraycopy(big, 0, s, 32 - big.length, big.length);
    assertArrayEquals(
        new G1Msm().execute(concat(p.encode(), scalar(7))),
        new G1Msm().execute(concat(p.encode(), s)));
  }

  @Test
  void addAcceptsPointsOutsideTheSubgroupButMsmRejectsThem() {
    G1Point off = g1OutsideSubgroup();
    assertArrayEquals(
        off.add(G1Point.GENERATOR).encode(),
        new G1Add().execute(concat(off.encode(), G1Point.GENERATOR.encode())));
    assertNull(new G1Msm().execute(concat(off.encode(), scalar(1))));
    G2Point off2 = g2OutsideSubgroup();
    assertArrayEquals(
        off2.add(G2Point.GENERATOR).encode(),
        new G2Add().execute(concat(off2.encode(), G2Point.GENERATOR.encode())));
    assertNull(new G2Msm().execute(concat(off2.encode(), scalar(1))));
  }

  @Test
  void invalidEncodingsAreRejected() {
    byte[] notOnCurve = G1Point.GENERATOR.encode();
    notOnCurve[127] ^= 1;
    assertNull(new G1Add().execute(concat(notOnCurve, G1Point.GENERATOR.encode())));
    byte[] topByte = G1Point.GENERATOR.encode();
    topByte[0] = 1;
    assertNull(new G1Add().execute(concat(topByte, G1Point.GENERATOR.encode())));
    assertNull(new G1Add().execute(new byte[255]), "short input");
    assertNull(new G2Add().execute(new byte[513]), "long input");
    assertNull(new G1Msm().execute(new byte[0]), "empty MSM");
    assertNull(new MapFpToG1().execute(new byte[63]));
    byte[] p = new byte[64];
    byte[] pb = P.toByteArray();
    System.arraycopy(pb, 0, p, 64 - pb.length, pb.length);
    assertNull(new MapFpToG1().execute(p), "u = p");
    assertNull(new MapFp2ToG2().execute(concat(new byte[64], p)), "u.b = p");
  }

  @Test
  void mapsLandInTheSubgroups() {
    for (int i = 0; i < 5; i++) {
      G1Point g1 = MapToG1.map(Fp.of(randomBelow(P)));
      assertTrue(g1.isInSubgroup() && !g1.isInfinity());
      G2Point g2 = MapToG2.map(new Fp2(Fp.of(randomBelow(P)), Fp.of(randomBelow(P))));
      assertTrue(g2.isInSubgroup() && !g2.isInfinity());
    }
    assertNotEquals(MapToG1.map(Fp.ONE), MapToG1.map(Fp.ONE.neg()));
  }

  @Test
  void msmGasFollowsTheDiscountTables() {
    assertEquals(12_000, MsmGas.G1.cost(160));
    assertEquals(12_000, MsmGas.G1.cost(160 + 159), "a partial pair is not counted");
    assertEquals(0, MsmGas.G1.cost(159));
    assertEquals(2 * 12_000 * 949 / 1000, MsmGas.G1.cost(320));
    assertEquals(128L * 12_000 * 519 / 1000, MsmGas.G1.cost(128 * 160));
    assertEquals(200L * 12_000 * 519 / 1000, MsmGas.G1.cost(200 * 160));
    assertEquals(2 * 22_500, MsmGas.G2.cost(2 * 288));
    assertEquals(200L * 22_500 * 524 / 1000, MsmGas.G2.cost(200 * 288));
  }

  /** A point on E outside G1: the first x from 1 with x^3 + 4 square gives one (h is large). */
  private static G1Point g1OutsideSubgroup() {
    for (long x = 1; ; x++) {
      Fp fx = Fp.of(x);
      Fp y = fx.square().mul(fx).add(CurveParams.B).sqrt();
      if (y != null) {
        G1Point p = G1Point.of(fx, y);
        if (!p.mul(R).isInfinity()) {
          return p;
        }
      }
    }
  }

  private static G2Point g2OutsideSubgroup() {
    for (long x = 1; ; x++) {
      Fp2 fx = new Fp2(Fp.of(x), Fp.ONE);
      Fp2 y = fx.square().mul(fx).add(CurveParams.B_TWIST).sqrt();
      if (y != null) {
        G2Point p = G2Point.of(fx, y);
        if (!p.mul(R).isInfinity()) {
          return p;
        }
      }
    }
  }

  private static byte[] scalar(long v) {
    byte[] s = new byte[32];
    for (int i = 0; i < 8; i++) {
      s[31 - i] = (byte) (v >>> (8 * i));
    }
    return s;
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }
}
