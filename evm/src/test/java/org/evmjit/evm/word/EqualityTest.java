package org.evmjit.evm.word;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The written-out {@code equals} and {@code hashCode} of {@link Word} and {@link Address}: equal
 * exactly when every field is, and the hash of the record's generated formula
 * ({@code 31 * h + hash(field)} over the fields in order, as {@link Objects#hash} less its seed).
 */
class EqualityTest {
  @Test
  void wordsDifferingInAnyLimbDiffer() {
    Word w = new Word(1, 2, 3, 4);
    assertEquals(w, new Word(1, 2, 3, 4));
    assertNotEquals(w, new Word(9, 2, 3, 4));
    assertNotEquals(w, new Word(1, 9, 3, 4));
    assertNotEquals(w, new Word(1, 2, 9, 4));
    assertNotEquals(w, new Word(1, 2, 3, 9));
    assertNotEquals(w, null);
    assertNotEquals(w, Address.ZERO);
    assertEquals(Objects.hash(1L, 2L, 3L, 4L) - 31 * 31 * 31 * 31, w.hashCode());
  }

  @Test
  void addressesDifferingInAnyPartDiffer() {
    Address a = new Address(1, 2, 3);
    assertEquals(a, new Address(1, 2, 3));
    assertNotEquals(a, new Address(9, 2, 3));
    assertNotEquals(a, new Address(1, 9, 3));
    assertNotEquals(a, new Address(1, 2, 9));
    assertNotEquals(a, null);
    assertNotEquals(a, Word.ZERO);
    assertEquals(Objects.hash(1, 2L, 3L) - 31 * 31 * 31, a.hashCode());
  }
}
