package org.evmjit.evm.precompile;

import ethereum.ckzg4844.CKZG4844JNI;
import ethereum.ckzg4844.CKZGException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * 0x0a: the KZG point evaluation precompile (EIP-4844). Input exactly 192 bytes: versioned hash,
 * z, y (32 bytes each), commitment, proof (48 bytes each). It checks that the versioned hash is
 * 0x01 || sha256(commitment)[1:] and that the proof shows p(z) = y for the committed
 * polynomial, then returns FIELD_ELEMENTS_PER_BLOB and BLS_MODULUS as two 32-byte words.
 */
final class PointEvaluation implements Precompile {
  static final long GAS = 50_000;
  private static final int INPUT_LENGTH = 192;
  private static final byte VERSIONED_HASH_VERSION_KZG = 0x01;

  /** FIELD_ELEMENTS_PER_BLOB (4096) and BLS_MODULUS, big-endian, as EIP-4844 specifies. */
  private static final byte[] RESULT =
      HexFormat.of()
          .parseHex(
              "0000000000000000000000000000000000000000000000000000000000001000"
                  + "73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001");

  @Override
  public long gasCost(byte[] input) {
    return GAS;
  }

  @Override
  public byte[] execute(byte[] input) {
    if (input.length != INPUT_LENGTH) {
      return null;
    }
    byte[] versionedHash = Arrays.copyOfRange(input, 0, 32);
    byte[] z = Arrays.copyOfRange(input, 32, 64);
    byte[] y = Arrays.copyOfRange(input, 64, 96);
    byte[] commitment = Arrays.copyOfRange(input, 96, 144);
    byte[] proof = Arrays.copyOfRange(input, 144, 192);
    byte[] expectedHash = Sha256.hash(commitment);
    expectedHash[0] = VERSIONED_HASH_VERSION_KZG;
    if (!MessageDigest.isEqual(versionedHash, expectedHash)) {
      return null;
    }
    KzgTrustedSetup.ensureLoaded();
    boolean valid;
    try {
      valid = CKZG4844JNI.verifyKzgProof(commitment, z, y, proof);
    } catch (CKZGException e) {
      if (e.getError() == CKZGException.CKZGError.C_KZG_BADARGS) {
        return null; // z or y not canonical, or a commitment or proof that is no G1 point
      }
      throw new IllegalStateException("KZG proof verification failed to run", e);
    }
    return valid ? RESULT.clone() : null;
  }
}
