package org.evmjit.statetest.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FuzzerTest {
  @Test
  void aFewHundredProgramsAgree() {
    Fuzzer f = new Fuzzer();
    for (long i = 0; i < 300; i++) {
      Fuzzer.Divergence d = f.run(7, i);
      assertNull(d, () -> d.difference() + "\n" + d.json());
    }
  }

  @Test
  void casesAreReproducible() {
    ProgramGenerator a = new ProgramGenerator(new Random(5));
    ProgramGenerator b = new ProgramGenerator(new Random(5));
    for (int i = 0; i < 50; i++) {
      ProgramGenerator.Case x = a.next(), y = b.next();
      assertArrayEquals(x.code(), y.code());
      assertArrayEquals(x.input(), y.input());
      assertTrue(x.gasLimit() >= 21_000);
    }
  }
}
