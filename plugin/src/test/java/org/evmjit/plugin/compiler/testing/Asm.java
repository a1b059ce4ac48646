package org.evmjit.plugin.compiler.testing;

import static org.evmjit.evm.opcode.Opcodes.JUMPDEST;
import static org.evmjit.evm.opcode.Opcodes.PUSH1;
import static org.evmjit.evm.testing.Bytecode.code;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.evmjit.evm.testing.Bytecode;

/** A tiny assembler: {@code to(label)} pushes a label's pc as PUSH2, resolved at {@link #bytes()}. */
public final class Asm {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final Map<String, Integer> labels = new HashMap<>();
  private final List<Object[]> fixups = new ArrayList<>();

  public Asm op(int... ops) {
    for (int op : ops) {
      out.write(op);
    }
    return this;
  }

  public Asm push(long v) {
    byte[] b = code().push(v).bytes();
    out.write(b, 0, b.length);
    return this;
  }

  /** A JUMPDEST named {@code name}. */
  public Asm label(String name) {
    labels.put(name, out.size());
    return op(JUMPDEST);
  }

  public Asm to(String name) {
    fixups.add(new Object[] {name, out.size() + 1});
    return op(PUSH1 + 1, 0, 0);
  }

  public Asm returnTop() {
    byte[] b = code().returnTop().bytes();
    out.write(b, 0, b.length);
    return this;
  }

  /** The pc of label {@code name}. */
  public int pc(String name) {
    return labels.get(name);
  }

  /** A 32-byte big-endian word (calldata). */
  public static byte[] word(long v) {
    byte[] w = new byte[32];
    byte[] b = BigInteger.valueOf(v).toByteArray();
    System.arraycopy(b, 0, w, 32 - b.length, b.length);
    return w;
  }

  /** Words one after the other (calldata). */
  public static byte[] words(long... vs) {
    byte[] out = new byte[32 * vs.length];
    for (int i = 0; i < vs.length; i++) {
      System.arraycopy(word(vs[i]), 0, out, 32 * i, 32);
    }
    return out;
  }

  public Bytecode bytes() {
    byte[] b = out.toByteArray();
    for (Object[] f : fixups) {
      int pc = labels.get((String) f[0]);
      int at = (Integer) f[1];
      b[at] = (byte) (pc >> 8);
      b[at + 1] = (byte) pc;
    }
    return code().raw(java.util.HexFormat.of().formatHex(b));
  }
}
