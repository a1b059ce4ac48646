package org.evmjit.evm.tx;

import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.evmjit.evm.crypto.Keccak;
import org.evmjit.evm.crypto.Secp256k1;
import org.evmjit.evm.rlp.Rlp;
import org.evmjit.evm.word.Address;

/** Signs EIP-7702 authorizations in tests (deterministic ECDSA, low s). */
final class Signer {
  private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
  private static final ECDomainParameters DOMAIN =
      new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH());

  final BigInteger key;
  final Address address;

  Signer(long key) {
    this.key = BigInteger.valueOf(key);
    byte[] pub = CURVE.getG().multiply(this.key).normalize().getEncoded(false);
    this.address = Address.fromBytes(Keccak.hash(pub, 1, 64), 12);
  }

  /** A valid tuple for (chainId, target, nonce), signed with this key. */
  Authorization authorize(long chainId, Address target, long nonce) {
    byte[] rlp = Rlp.encodeList(Rlp.encodeLong(chainId), Rlp.encodeBytes(target.toBytes()), Rlp.encodeLong(nonce));
    byte[] message = new byte[rlp.length + 1];
    message[0] = 0x05;
    System.arraycopy(rlp, 0, message, 1, rlp.length);
    byte[] hash = Keccak.hash(message);
    ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
    signer.init(true, new ECPrivateKeyParameters(key, DOMAIN));
    BigInteger[] rs = signer.generateSignature(hash);
    BigInteger r = rs[0];
    BigInteger s = rs[1].compareTo(Secp256k1.HALF_N) > 0 ? Secp256k1.N.subtract(rs[1]) : rs[1];
    for (int y = 0; y <= 1; y++) {
      if (address.equals(Secp256k1.recoverAddress(hash, r, s, y))) {
        return new Authorization(BigInteger.valueOf(chainId), target, BigInteger.valueOf(nonce), BigInteger.valueOf(y), r, s);
      }
    }
    throw new AssertionError("no recovery id recovers the signer");
  }
}
