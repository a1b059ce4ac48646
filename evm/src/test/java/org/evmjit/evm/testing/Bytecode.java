package org.evmjit.evm.testing;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.HexFormat;
import org.evmjit.evm.opcode.Opcodes;

/**
 * A small DSL for test programs, in the spirit of evmone's {@code push(1) + OP_ADD}:
 * {@code new Bytecode().push(1).push(2).op(ADD).returnTop()}.
 */
public final class Bytecode {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  public static Bytecode code() {
    return new Bytecode();
  }

  public Bytecode op(int... opcodes) {
    for (int op : opcodes) {
      out.write(op);
    }
    return this;
  }

  /** PUSHn with the minimal n (PUSH1 for zero). */
  public Bytecode push(long value) {
    return push(BigInteger.valueOf(value));
  }

  public Bytecode push(BigInteger value) {
    if (value.signum() < 0) {
      value = value.add(BigInteger.ONE.shiftLeft(256));
    }
    byte[] raw = value.toByteArray();
    int start = raw.length > 1 && raw[0] == 0 ? 1 : 0;
    int n = raw.length - start;
    out.write(Opcodes.PUSH1 + n - 1);
    out.write(raw, start, n);
    return this;
  }

  /** PUSH of hex digits, keeping their length: {@code pushHex("00ff")} is PUSH2 0x00ff. */
  public Bytecode pushHex(String hex) {
    byte[] b = HexFormat.of().parseHex(hex);
    out.write(Opcodes.PUSH1 + b.length - 1);
    out.write(b, 0, b.length);
    return this;
  }

  public Bytecode raw(String hex) {
    byte[] b = HexFormat.of().parseHex(hex);
    out.write(b, 0, b.length);
    return this;
  }

  /** MSTORE the top of the stack at 0 and RETURN those 32 bytes. */
  public Bytecode returnTop() {
    return push(0).op(Opcodes.MSTORE).push(32).push(0).op(Opcodes.RETURN);
  }

  /** SSTORE the top of the stack into {@code slot}. */
  public Bytecode storeTopAt(long slot) {
    return push(slot).op(Opcodes.SSTORE);
  }

  public int size() {
    return out.size();
  }

  public byte[] bytes() {
    return out.toByteArray();
  }

  public String hex() {
    return HexFormat.of().formatHex(bytes());
  }
}
