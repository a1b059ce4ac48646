package org.evmjit.statetest.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.precompile.Precompiles;
import org.evmjit.evm.word.Address;
import org.junit.jupiter.api.Test;

class FuzzerTest {
  @Test
  void aFewHundredProgramsAgree() {
    Fuzzer f = new Fuzzer(Fork.OSAKA);
    for (long i = 0; i < 300; i++) {
      Fuzzer.Divergence d = f.run(7, i);
      assertNull(d, () -> d.difference() + "\n" + d.json());
    }
  }

  @Test
  void casesAreReproducible() {
    ProgramGenerator a = new ProgramGenerator(new Random(5), Fork.OSAKA);
    ProgramGenerator b = new ProgramGenerator(new Random(5), Fork.OSAKA);
    for (int i = 0; i < 50; i++) {
      ProgramGenerator.Case x = a.next(), y = b.next();
      assertArrayEquals(x.code(), y.code());
      assertArrayEquals(x.input(), y.input());
      assertTrue(x.gasLimit() >= 21_000);
    }
  }

  @Test
  void structuredProgramsUseTheForksOpcodesAndCallItsPrecompiles() {
    for (Fork fork : List.of(Fork.CANCUN, Fork.OSAKA)) {
      ProgramGenerator g = new ProgramGenerator(new Random(11), fork);
      Set<Long> called = new TreeSet<>();
      int clz = 0;
      for (int i = 0; i < 1000; i++) {
        List<long[]> ins = disassemble(g.structured(false)); // {opcode, pushed value}
        for (int k = 0; k < ins.size(); k++) {
          clz += ins.get(k)[0] == 0x1e ? 1 : 0;
          // PUSH address, then GAS or a PUSH of the gas, then CALL or STATICCALL
          if (k + 2 < ins.size() && isPush(ins.get(k)) && (ins.get(k + 1)[0] == 0x5a || isPush(ins.get(k + 1)))
              && (ins.get(k + 2)[0] == 0xf1 || ins.get(k + 2)[0] == 0xfa)) {
            called.add(ins.get(k)[1]);
          }
        }
      }
      Set<Long> expected = new TreeSet<>(Precompiles.addresses(fork).stream().map(Address::low).toList());
      assertEquals(expected, called, fork + ": precompiles called");
      assertEquals(fork == Fork.OSAKA, clz > 0, fork + ": CLZ instructions " + clz);
    }
  }

  private static boolean isPush(long[] instruction) {
    return instruction[0] >= 0x60 && instruction[0] <= 0x7f;
  }

  /** Instructions as {opcode, value pushed (low 64 bits; 0 for others)}. */
  private static List<long[]> disassemble(byte[] code) {
    List<long[]> out = new ArrayList<>();
    for (int pc = 0; pc < code.length; pc++) {
      int op = code[pc] & 0xff;
      long value = 0;
      if (op >= 0x60 && op <= 0x7f) {
        for (int j = 1; j <= op - 0x5f && pc + j < code.length; j++) {
          value = (value << 8) | (code[pc + j] & 0xff);
        }
        pc += op - 0x5f;
      }
      out.add(new long[] {op, value});
    }
    return out;
  }
}
