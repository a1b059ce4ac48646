package org.evmjit.evm.precompile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HexFormat;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.word.Address;
import org.junit.jupiter.api.Test;

/** 0x0a KZG point evaluation (EIP-4844), through c-kzg and the bundled mainnet setup. */
class PrecompilePointEvaluationTest {
  private static final Precompile POINT_EVALUATION = Precompiles.get(Address.of(10), Fork.CANCUN);

  /**
   * go-ethereum's pointEvaluation.json "pointEvaluation1" (for the mainnet setup): versioned
   * hash, z, y, commitment, proof.
   */
  private static final String VALID =
      "01e798154708fe7789429634053cbf9f99b619f9f084048927333fce637f549b"
          + "564c0a11a0f704f4fc3e8acfe0f8245f0ad1347b378fbf96e206da11a5d36306"
          + "24d25032e67a7e6a4910df5834b8fe70e6bcfeeac0352434196bdf4b2485d5a1"
          + "8f59a8d2a1a625a17f3fea0fe5eb8c896db3764f3185481bc22f91b4aaffcca25f26936857bc3a7c2539ea8ec3a952b7"
          + "873033e038326e87ed3e1276fd140253fa08e9fc25fb2d9a98527fc22a2c9612fbeafdad446cbc7bcdbdcd780af2c16a";

  /** FIELD_ELEMENTS_PER_BLOB and BLS_MODULUS. */
  private static final String RESULT =
      "0000000000000000000000000000000000000000000000000000000000001000"
          + "73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001";

  /** The compressed G1 point at infinity: the commitment to (and proof for) the zero polynomial. */
  private static final String INFINITY = "c0" + "00".repeat(47);

  private static byte[] hex(String s) {
    return HexFormat.of().parseHex(s);
  }

  /** The input for a commitment, with its correct versioned hash. */
  private static byte[] input(String z, String y, String commitment, String proof) {
    byte[] hash = Sha256.hash(hex(commitment));
    hash[0] = 0x01;
    return hex(HexFormat.of().formatHex(hash) + z + y + commitment + proof);
  }

  @Test
  void validProof() {
    assertArrayEquals(hex(RESULT), POINT_EVALUATION.execute(hex(VALID)));
    assertEquals(50_000, POINT_EVALUATION.gasCost(hex(VALID)));
  }

  @Test
  void zeroPolynomialEvaluatesToZeroEverywhere() {
    String z = "00".repeat(31) + "07";
    assertArrayEquals(hex(RESULT), POINT_EVALUATION.execute(input(z, "00".repeat(32), INFINITY, INFINITY)));
    assertNull(POINT_EVALUATION.execute(input(z, "00".repeat(31) + "01", INFINITY, INFINITY)));
  }

  @Test
  void wrongClaimIsRejected() {
    byte[] in = hex(VALID);
    in[95] ^= 1; // y
    assertNull(POINT_EVALUATION.execute(in));
    in = hex(VALID);
    in[63] ^= 1; // z
    assertNull(POINT_EVALUATION.execute(in));
  }

  @Test
  void versionedHashMustMatchTheCommitment() {
    byte[] in = hex(VALID);
    in[0] = 0x02; // version byte
    assertNull(POINT_EVALUATION.execute(in));
    in = hex(VALID);
    in[31] ^= 1;
    assertNull(POINT_EVALUATION.execute(in));
  }

  @Test
  void malformedInputsFail() {
    assertNull(POINT_EVALUATION.execute(new byte[0]));
    assertNull(POINT_EVALUATION.execute(new byte[191]));
    assertNull(POINT_EVALUATION.execute(hex(VALID + "00")));
    assertEquals(50_000, POINT_EVALUATION.gasCost(new byte[0]));
    // z = BLS_MODULUS is not a canonical field element
    String modulus = RESULT.substring(64);
    assertNull(POINT_EVALUATION.execute(input(modulus, "00".repeat(32), INFINITY, INFINITY)));
    // a commitment that is no compressed G1 point (flags say compressed, not infinity; x = 0)
    String notAPoint = "80" + "00".repeat(47);
    assertNull(POINT_EVALUATION.execute(input("00".repeat(32), "00".repeat(32), notAPoint, INFINITY)));
  }
}
