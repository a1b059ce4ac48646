package org.evmjit.evm.precompile.bls12381;

import java.math.BigInteger;

/** The BLS12-381 parameters shared by G1, G2, the pairing and the maps to the curve. */
final class CurveParams {
  /** The order r of G1 and G2 (the scalar field modulus). */
  static final BigInteger ORDER =
      new BigInteger("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", 16);

  /** |x| for the curve seed x = -0xd201000000010000 (negative), the Miller loop scalar. */
  static final BigInteger SEED_ABS = new BigInteger("d201000000010000", 16);

  /** x^2. */
  static final BigInteger SEED_SQUARED = SEED_ABS.multiply(SEED_ABS);

  /** b = 4 in y^2 = x^3 + b for G1. */
  static final Fp B = Fp.of(4);

  /** b' = 4 (1 + u) in y^2 = x^3 + b' for the G2 twist (an M-type twist). */
  static final Fp2 B_TWIST = new Fp2(B, B);

  /** 3 b', used by the Miller loop's doubling formulas. */
  static final Fp2 B_TWIST_TIMES_3 = B_TWIST.dbl().add(B_TWIST);

  /** beta, a cube root of unity in F_p: phi(x, y) = (beta x, y) (fast_subgroup_checks.md). */
  static final Fp BETA =
      Fp.of(
          new BigInteger(
              "793479390729215512621379701633421447060886740281060493010456487427281649075476305620758731620350"));

  /** psi(x, y) = (conj(x) PSI_X, conj(y) PSI_Y) on the twist (fast_subgroup_checks.md). */
  static final Fp2 PSI_X =
      new Fp2(
          Fp.ZERO,
          Fp.of(
              new BigInteger(
                  "4002409555221667392624310435006688643935503118305586438271171395842971157480381377015405980053539358417135540939437")));

  static final Fp2 PSI_Y =
      new Fp2(
          Fp.of(
              new BigInteger(
                  "2973677408986561043442465346520108879172042883009249989176415018091420807192182638567116318576472649347015917690530")),
          Fp.of(
              new BigInteger(
                  "1028732146235106349975324479215795277384839936929757896155643118032610843298655225875571310552543014690878354869257")));

  /** h_eff for G1 (RFC 9380 section 8.8.1): clear_cofactor(P) = [h_eff]P. */
  static final BigInteger H_EFF_G1 = new BigInteger("d201000000010001", 16);

  /** h_eff for G2 (RFC 9380 section 8.8.2). */
  static final BigInteger H_EFF_G2 =
      new BigInteger(
          "bc69f08f2ee75b3584c6a0ea91b352888e2a8e9145ad7689986ff031508ffe1329c2f178731db956d82bf015d1212b02ec0ec69d7477c1ae954cbc06689f6a359894c0adebbf6b4e8020005aaa95551",
          16);

  private CurveParams() {}
}
