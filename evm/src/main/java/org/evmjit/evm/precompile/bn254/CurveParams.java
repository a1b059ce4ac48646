package org.evmjit.evm.precompile.bn254;

import java.math.BigInteger;
import java.util.Arrays;

/** The BN254 curve parameters shared by G1, G2 and the pairing. */
final class CurveParams {
  /** The order r of G1 and G2 (the scalar field modulus). */
  static final BigInteger ORDER =
      new BigInteger(
          "21888242871839275222246405745257275088548364400416034343698204186575808495617");

  /** The BN parameter u: p = 36u^4 + 36u^3 + 24u^2 + 6u + 1. */
  static final BigInteger U = BigInteger.valueOf(4965661367192848881L);

  /** 6u^2, which the twisted Frobenius multiplies G2 by (p = 6u^2 mod r). */
  static final BigInteger SIX_U_SQUARED = U.multiply(U).multiply(BigInteger.valueOf(6));

  /** The non-adjacent form of 6u^2, least significant digit first. */
  static final int[] SIX_U_SQUARED_NAF = naf(SIX_U_SQUARED);

  /** The optimal ate Miller loop length 6u + 2. */
  static final BigInteger ATE_LOOP_COUNT = U.multiply(BigInteger.valueOf(6)).add(BigInteger.TWO);

  /**
   * The non-adjacent form of 6u + 2, least significant digit first (digits -1, 0, 1): fewer
   * addition steps in the Miller loop than plain binary (22 instead of 37).
   */
  static final int[] ATE_LOOP_NAF = naf(ATE_LOOP_COUNT);

  /** b = 3 in y^2 = x^3 + b for G1. */
  static final Fp B = Fp.of(3);

  /** b' = 3 / xi in y^2 = x^3 + b' for the G2 twist. */
  static final Fp2 B_TWIST = new Fp2(B, Fp.ZERO).mul(Fp2.XI.inverse());

  /** 3 b', used by the doubling formulas. */
  static final Fp2 B_TWIST_TIMES_3 = B_TWIST.dbl().add(B_TWIST);

  private CurveParams() {}

  private static int[] naf(BigInteger k) {
    int[] digits = new int[k.bitLength() + 1];
    int n = 0;
    while (k.signum() > 0) {
      int d = 0;
      if (k.testBit(0)) {
        d = 2 - k.and(BigInteger.valueOf(3)).intValue();
        k = k.subtract(BigInteger.valueOf(d));
      }
      digits[n++] = d;
      k = k.shiftRight(1);
    }
    return Arrays.copyOf(digits, n);
  }
}
