package org.evmjit.evm.precompile;

import java.util.ArrayList;
import java.util.List;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.precompile.bls12381.G1Add;
import org.evmjit.evm.precompile.bls12381.G1Msm;
import org.evmjit.evm.precompile.bls12381.G2Add;
import org.evmjit.evm.precompile.bls12381.G2Msm;
import org.evmjit.evm.precompile.bls12381.MapFp2ToG2;
import org.evmjit.evm.precompile.bls12381.MapFpToG1;
import org.evmjit.evm.precompile.bls12381.PairingCheck;
import org.evmjit.evm.word.Address;

/**
 * The precompiled contracts of each fork:
 *
 * <ul>
 *   <li>Frontier: 0x01 ecrecover, 0x02 SHA-256, 0x03 RIPEMD-160, 0x04 identity;
 *   <li>Byzantium: 0x05 modexp (EIP-198), 0x06-0x08 BN254 add, mul, pairing (EIP-196/197);
 *   <li>Istanbul: 0x09 blake2f (EIP-152), cheaper BN254 (EIP-1108);
 *   <li>Berlin: modexp repriced (EIP-2565);
 *   <li>Cancun: 0x0a KZG point evaluation (EIP-4844);
 *   <li>Prague: 0x0b-0x11 BLS12-381 G1ADD, G1MSM, G2ADD, G2MSM, PAIRING_CHECK, MAP_FP_TO_G1,
 *       MAP_FP2_TO_G2 (EIP-2537).
 * </ul>
 *
 * The tables are built once; {@link #get} is an address range check and two array loads.
 */
public final class Precompiles {
  private static final int MAX_ADDRESS = 0x11;

  /** BY_FORK[fork.ordinal()][address]: the precompile, or null. */
  private static final Precompile[][] BY_FORK = new Precompile[Fork.values().length][];

  private static final List<List<Address>> ADDRESSES = new ArrayList<>();

  static {
    for (Fork fork : Fork.values()) {
      Precompile[] table = table(fork);
      BY_FORK[fork.ordinal()] = table;
      List<Address> active = new ArrayList<>();
      for (int a = 1; a <= MAX_ADDRESS; a++) {
        if (table[a] != null) {
          active.add(Address.of(a));
        }
      }
      ADDRESSES.add(List.copyOf(active));
    }
  }

  private Precompiles() {}

  /** The precompile at address in this fork, or null if there is none there. */
  public static Precompile get(Address address, Fork fork) {
    if (!address.isAtMost(MAX_ADDRESS)) {
      return null;
    }
    return BY_FORK[fork.ordinal()][(int) address.low()];
  }

  /** All precompile addresses active in the fork (EIP-2929 pre-warms them). */
  public static List<Address> addresses(Fork fork) {
    return ADDRESSES.get(fork.ordinal());
  }

  private static Precompile[] table(Fork fork) {
    Precompile[] t = new Precompile[MAX_ADDRESS + 1];
    t[0x01] = new EcRecover();
    t[0x02] = new Sha256();
    t[0x03] = new Ripemd160();
    t[0x04] = new Identity();
    if (fork.isAtLeast(Fork.BYZANTIUM)) {
      t[0x05] = new ModExp(fork.isAtLeast(Fork.BERLIN) ? ModExpGas.EIP2565 : ModExpGas.EIP198);
      Bn254Gas bn = Bn254Gas.of(fork);
      t[0x06] = new Bn254Add(bn);
      t[0x07] = new Bn254Mul(bn);
      t[0x08] = new Bn254Pairing(bn);
    }
    if (fork.isAtLeast(Fork.ISTANBUL)) {
      t[0x09] = new Blake2f();
    }
    if (fork.isAtLeast(Fork.CANCUN)) {
      t[0x0a] = new PointEvaluation();
    }
    if (fork.isAtLeast(Fork.PRAGUE)) {
      t[0x0b] = new G1Add();
      t[0x0c] = new G1Msm();
      t[0x0d] = new G2Add();
      t[0x0e] = new G2Msm();
      t[0x0f] = new PairingCheck();
      t[0x10] = new MapFpToG1();
      t[0x11] = new MapFp2ToG2();
    }
    return t;
  }
}
