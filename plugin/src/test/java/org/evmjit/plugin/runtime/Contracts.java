package org.evmjit.plugin.runtime;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.evmjit.evm.exec.EngineSelector;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.state.WorldState;
import org.evmjit.evm.tx.BlockEnv;
import org.evmjit.evm.tx.Transaction;
import org.evmjit.evm.tx.TransactionProcessor;
import org.evmjit.evm.tx.TransactionResult;
import org.evmjit.evm.word.Address;
import org.evmjit.evm.word.Word;

/**
 * A world of {@code n} distinct contracts for end-to-end and stress tests. Contract {@code i}
 * returns {@code keccak(calldata[0..32] + i)}; every fifth one first STATICCALLs another contract
 * and mixes its answer in, so frames of different code nest and suspend.
 */
final class Contracts {
  static final Address SENDER = Address.fromHex("0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b");
  static final Address COINBASE = Address.fromHex("0x2adc25665018aa1fe0e6bc666dac8fc2697ff9ba");
  static final BlockEnv ENV = new BlockEnv(COINBASE, 1, 1000, 30_000_000, Word.ZERO, Word.of(0x42), Word.ZERO, 0);

  final int n;
  final WorldState pre = new WorldState();
  final int maxCodeSize;

  Contracts(int n) {
    this.n = n;
    pre.putAccount(SENDER, 0, Word.fromBigInteger(BigInteger.TEN.pow(30)), null, Map.of());
    int max = 0;
    for (int i = 0; i < n; i++) {
      byte[] code = code(i);
      max = Math.max(max, code.length);
      pre.putAccount(address(i), 1, Word.ZERO, code, Map.of());
    }
    maxCodeSize = max;
  }

  static Address address(int i) {
    byte[] a = new byte[20];
    a[0] = (byte) 0xc0;
    a[16] = (byte) (i >>> 24);
    a[17] = (byte) (i >>> 16);
    a[18] = (byte) (i >>> 8);
    a[19] = (byte) i;
    return Address.fromHex(java.util.HexFormat.of().formatHex(a));
  }

  int child(int i) {
    int c = (int) ((i * 7L + 1) % n);
    return c % 5 == 0 ? (c + 1) % n : c;
  }

  private byte[] code(int i) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    op(o, 0x60, 0x00, 0x35); // PUSH1 0 CALLDATALOAD
    op(o, 0x63, i >>> 24, i >>> 16, i >>> 8, i, 0x01); // PUSH4 i ADD
    op(o, 0x60, 0x00, 0x52); // PUSH1 0 MSTORE
    if (i % 5 == 0) {
      op(o, 0x60, 0x20, 0x60, 0x20, 0x60, 0x20, 0x60, 0x00); // retSize retOffset argsSize argsOffset
      o.write(0x73); // PUSH20 child
      o.writeBytes(address(child(i)).toBytes());
      op(o, 0x5a, 0xfa, 0x50); // GAS STATICCALL POP
      op(o, 0x60, 0x20, 0x51, 0x60, 0x00, 0x51, 0x18, 0x60, 0x00, 0x52); // mem[0] ^= mem[32]
    }
    op(o, 0x60, 0x20, 0x60, 0x00, 0x20); // PUSH1 32 PUSH1 0 KECCAK256
    op(o, 0x60, 0x00, 0x52, 0x60, 0x20, 0x60, 0x00, 0xf3); // MSTORE 0, RETURN 32
    return o.toByteArray();
  }

  private static void op(ByteArrayOutputStream o, int... bytes) {
    for (int b : bytes) {
      o.write(b);
    }
  }

  Transaction call(int contract, long nonce, long input) {
    byte[] data = new byte[32];
    for (int k = 0; k < 8; k++) {
      data[31 - k] = (byte) (input >>> (8 * k));
    }
    return new Transaction(Transaction.LEGACY, SENDER, BigInteger.valueOf(nonce), BigInteger.valueOf(200_000),
        BigInteger.ONE, null, null, address(contract), BigInteger.ZERO, data, List.of(), List.of(), null);
  }

  static TransactionResult run(WorldState state, EngineSelector engines, Transaction tx) {
    return run(state, engines, tx, Fork.CANCUN);
  }

  static TransactionResult run(WorldState state, EngineSelector engines, Transaction tx, Fork fork) {
    TransactionProcessor p = engines == null ? new TransactionProcessor(fork)
        : new TransactionProcessor(fork, engines);
    return p.process(state, ENV, tx, null);
  }

  /** Null when equal, else what differs. */
  static String compare(TransactionResult expected, TransactionResult actual) {
    if (!expected.isValid() || !actual.isValid()) {
      return "invalid: " + expected.invalidReason() + " / " + actual.invalidReason();
    }
    if (expected.status() != actual.status()) {
      return "status " + expected.status() + " != " + actual.status();
    }
    if (expected.gasUsed() != actual.gasUsed()) {
      return "gas " + expected.gasUsed() + " != " + actual.gasUsed();
    }
    if (!Arrays.equals(expected.output(), actual.output())) {
      return "output differs";
    }
    return null;
  }

  /** Zipf-like popularity over {@code n} items (exponent {@code s}), sampled by binary search. */
  static final class Zipf {
    private final double[] cumulative;

    Zipf(int n, double s) {
      cumulative = new double[n];
      double sum = 0;
      for (int i = 0; i < n; i++) {
        sum += 1 / Math.pow(i + 1, s);
        cumulative[i] = sum;
      }
      for (int i = 0; i < n; i++) {
        cumulative[i] /= sum;
      }
    }

    int next(Random r) {
      int i = Arrays.binarySearch(cumulative, r.nextDouble());
      return Math.min(cumulative.length - 1, i >= 0 ? i : -i - 1);
    }
  }
}
