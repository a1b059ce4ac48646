package org.evmjit.evm.precompile.bls12381;

/**
 * map_to_curve for G2 as EIP-2537 (MAP_FP2_TO_G2) and RFC 9380 define it: the simplified SWU
 * map (section 6.6.2) to the 3-isogenous twist E2': y^2 = x^3 + A' x + B', the 3-isogeny to E'
 * (Appendix E.3), and cofactor clearing by h_eff (section 8.8.2, computed as in Appendix G.3). The constants are those of
 * RFC 9380 as repeated in the EIP's assets/eip-2537/field_to_curve.md.
 */
public final class MapToG2 {
  /** A' = 240 u. */
  private static final Fp2 A = new Fp2(Fp.ZERO, Fp.of(240));
  /** B' = 1012 (1 + u). */
  private static final Fp2 B = new Fp2(Fp.of(1012), Fp.of(1012));
  /** Z = -(2 + u). */
  private static final Fp2 Z = new Fp2(Fp.of(2), Fp.ONE).neg();

  private static final Fp2 MINUS_B_OVER_A = B.neg().mul(A.inverse());
  private static final Fp2 B_OVER_ZA = B.mul(Z.mul(A).inverse());

  /** X_NUM: k_(1,0) .. k_(1,3), lowest power first. */
  private static final Fp2[] X_NUM = {
    fp2("5c759507e8e333ebb5b7a9a47d7ed8532c52d39fd3a042a88b58423c50ae15d5c2638e343d9c71c6238aaaaaaaa97d6", "5c759507e8e333ebb5b7a9a47d7ed8532c52d39fd3a042a88b58423c50ae15d5c2638e343d9c71c6238aaaaaaaa97d6"),
    fp2("0", "11560bf17baa99bc32126fced787c88f984f87adf7ae0c7f9a208c6b4f20a4181472aaa9cb8d555526a9ffffffffc71a"),
    fp2("11560bf17baa99bc32126fced787c88f984f87adf7ae0c7f9a208c6b4f20a4181472aaa9cb8d555526a9ffffffffc71e", "8ab05f8bdd54cde190937e76bc3e447cc27c3d6fbd7063fcd104635a790520c0a395554e5c6aaaa9354ffffffffe38d"),
    fp2("171d6541fa38ccfaed6dea691f5fb614cb14b4e7f4e810aa22d6108f142b85757098e38d0f671c7188e2aaaaaaaa5ed1", "0"),
  };
  /** X_DEN: k_(2,0) .. k_(2,1), lowest power first. */
  private static final Fp2[] X_DEN = {
    fp2("0", "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaa63"),
    fp2("c", "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaa9f"),
  };
  /** Y_NUM: k_(3,0) .. k_(3,3), lowest power first. */
  private static final Fp2[] Y_NUM = {
    fp2("1530477c7ab4113b59a4c18b076d11930f7da5d4a07f649bf54439d87d27e500fc8c25ebf8c92f6812cfc71c71c6d706", "1530477c7ab4113b59a4c18b076d11930f7da5d4a07f649bf54439d87d27e500fc8c25ebf8c92f6812cfc71c71c6d706"),
    fp2("0", "5c759507e8e333ebb5b7a9a47d7ed8532c52d39fd3a042a88b58423c50ae15d5c2638e343d9c71c6238aaaaaaaa97be"),
    fp2("11560bf17baa99bc32126fced787c88f984f87adf7ae0c7f9a208c6b4f20a4181472aaa9cb8d555526a9ffffffffc71c", "8ab05f8bdd54cde190937e76bc3e447cc27c3d6fbd7063fcd104635a790520c0a395554e5c6aaaa9354ffffffffe38f"),
    fp2("124c9ad43b6cf79bfbf7043de3811ad0761b0f37a1e26286b0e977c69aa274524e79097a56dc4bd9e1b371c71c718b10", "0"),
  };
  /** Y_DEN: k_(4,0) .. k_(4,2), lowest power first. */
  private static final Fp2[] Y_DEN = {
    fp2("1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffa8fb", "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffa8fb"),
    fp2("0", "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffa9d3"),
    fp2("12", "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaa99"),
  };

  private MapToG2() {}

  /** The G2 point for the field element u. */
  public static G2Point map(Fp2 u) {
    Fp2 zu2 = Z.mul(u.square());
    Fp2 tv1 = zu2.square().add(zu2).inverse(); // inv0(Z^2 u^4 + Z u^2)
    Fp2 x1 = tv1.isZero() ? B_OVER_ZA : MINUS_B_OVER_A.mul(Fp2.ONE.add(tv1));
    Fp2 x = x1;
    Fp2 y = curve(x1).sqrt();
    if (y == null) {
      x = zu2.mul(x1);
      y = curve(x).sqrt(); // g(x2) = Z^3 u^6 g(x1) is square when g(x1) is not
    }
    if (u.sgn0() != y.sgn0()) {
      y = y.neg();
    }
    return isogeny(x, y).clearCofactor();
  }

  /** g'(x) = x^3 + A' x + B'. */
  private static Fp2 curve(Fp2 x) {
    return x.square().add(A).mul(x).add(B);
  }

  /** The 3-isogeny E2' -> E'; infinity when a denominator vanishes. */
  private static G2Point isogeny(Fp2 x, Fp2 y) {
    Fp2 xDen = monic(X_DEN, x);
    Fp2 yDen = monic(Y_DEN, x);
    if (xDen.isZero() || yDen.isZero()) {
      return G2Point.INFINITY;
    }
    Fp2 xe = horner(X_NUM, x).mul(xDen.inverse());
    Fp2 ye = y.mul(horner(Y_NUM, x)).mul(yDen.inverse());
    return G2Point.of(xe, ye);
  }

  /** sum k[i] x^i. */
  private static Fp2 horner(Fp2[] k, Fp2 x) {
    Fp2 acc = Fp2.ZERO;
    for (int i = k.length - 1; i >= 0; i--) {
      acc = acc.mul(x).add(k[i]);
    }
    return acc;
  }

  /** x^n + sum k[i] x^i with n = k.length. */
  private static Fp2 monic(Fp2[] k, Fp2 x) {
    Fp2 acc = Fp2.ONE;
    for (int i = k.length - 1; i >= 0; i--) {
      acc = acc.mul(x).add(k[i]);
    }
    return acc;
  }

  private static Fp2 fp2(String a, String b) {
    return new Fp2(Fp.ofHex(a), Fp.ofHex(b));
  }
}
