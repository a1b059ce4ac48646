package org.evmjit.evm.rlp;

import static org.evmjit.evm.testing.SharedFixtures.hex;
import static org.evmjit.evm.testing.SharedFixtures.toHex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.evmjit.evm.word.Word;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Edge cases of {@link Rlp} beyond the official vectors ({@link RlpVectorsTest}). */
class RlpTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "0, 0x80",
      "1, 0x01",
      "127, 0x7f",
      "128, 0x8180",
      "255, 0x81ff",
      "256, 0x820100",
      "1024, 0x820400",
      "9223372036854775807, 0x887fffffffffffffff",
      "-1, 0x88ffffffffffffffff",
      "-9223372036854775808, 0x888000000000000000",
  })
  void encodeLongIsUnsignedAndMinimal(long value, String expected) {
    assertEquals(expected, toHex(Rlp.encodeLong(value)));
  }

  @Test
  void encodeWordAgreesWithBigInteger() {
    Random random = new Random(1);
    for (int bits = 0; bits <= 256; bits++) {
      BigInteger value = bits == 0 ? BigInteger.ZERO
          : BigInteger.ONE.shiftLeft(bits - 1).or(new BigInteger(bits - 1, random));
      Word word = Word.fromBigInteger(value);
      assertEquals(toHex(Rlp.encodeBigInteger(value)), toHex(Rlp.encodeWord(word)), "bits " + bits);
      assertEquals(toHex(Rlp.encodeBytes(word.toMinimalBytes())), toHex(Rlp.encodeWord(word)));
    }
    assertEquals("0x80", toHex(Rlp.encodeWord(Word.ZERO)));
    assertEquals("0x88ffffffffffffffff", toHex(Rlp.encodeWord(new Word(-1, 0, 0, 0))));
    assertEquals("0xa0" + "ff".repeat(32), toHex(Rlp.encodeWord(new Word(-1, -1, -1, -1))));
  }

  @Test
  void encodeBigInteger() {
    assertEquals("0x80", toHex(Rlp.encodeBigInteger(BigInteger.ZERO)));
    assertEquals("0x7f", toHex(Rlp.encodeBigInteger(BigInteger.valueOf(127))));
    assertEquals("0x88ffffffffffffffff",
        toHex(Rlp.encodeBigInteger(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE))));
    assertEquals("0x89010000000000000000", toHex(Rlp.encodeBigInteger(BigInteger.ONE.shiftLeft(64))));
    assertThrows(IllegalArgumentException.class, () -> Rlp.encodeBigInteger(BigInteger.ONE.negate()));
  }

  @Test
  void encodeBytesShortAndLongForms() {
    assertEquals("0x80", toHex(Rlp.encodeBytes(new byte[0])));
    assertEquals("0x00", toHex(Rlp.encodeBytes(new byte[] {0})));
    assertEquals("0x7f", toHex(Rlp.encodeBytes(new byte[] {0x7f})));
    assertEquals("0x8180", toHex(Rlp.encodeBytes(new byte[] {(byte) 0x80})));
    assertEquals("0xb7" + "11".repeat(55), toHex(Rlp.encodeBytes(hex("11".repeat(55)))));
    assertEquals("0xb838" + "11".repeat(56), toHex(Rlp.encodeBytes(hex("11".repeat(56)))));
    assertEquals("0xb90100" + "11".repeat(256), toHex(Rlp.encodeBytes(hex("11".repeat(256)))));
    byte[] big = new byte[70_000];
    assertEquals("0xba011170", toHex(Rlp.encodeBytes(big)).substring(0, 10));
  }

  @Test
  void encodeListBothOverloadsAgree() {
    assertEquals("0xc0", toHex(Rlp.encodeList()));
    assertEquals("0xc0", toHex(Rlp.encodeList(List.of())));
    byte[] item = Rlp.encodeBytes(hex("22".repeat(27))); // 28 bytes
    assertEquals("0xf838" + toHex(item).substring(2).repeat(2), toHex(Rlp.encodeList(item, item)));
    assertArrayEquals(Rlp.encodeList(item, item), Rlp.encodeList(List.of(item, item)));
  }

  @Test
  void decodeStructure() {
    RlpItem item = Rlp.decode(hex("0xc6827a77c10401"));
    assertEquals(new RlpItem.ListItem(List.of(
        new RlpItem.Bytes("zw".getBytes()),
        new RlpItem.ListItem(List.of(new RlpItem.Bytes(new byte[] {4}))),
        new RlpItem.Bytes(new byte[] {1}))), item);
    assertEquals(3, item.asList().size());
    assertArrayEquals("zw".getBytes(), item.asList().get(0).asBytes());
    assertThrows(RlpException.class, item::asBytes);
    assertThrows(RlpException.class, () -> item.asList().get(0).asList());
    assertEquals(new RlpItem.Bytes(new byte[0]), Rlp.decode(hex("80")));
    assertEquals(new RlpItem.Bytes(new byte[] {0}), Rlp.decode(hex("00")));
    assertEquals(new RlpItem.Bytes(new byte[] {(byte) 0x80}), Rlp.decode(hex("8180")));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
      "empty input, ''",
      "non-canonical single byte, 8105",
      "non-canonical single zero byte, 8100",
      "leading zero in long string length, b9004000",
      "leading zero in long list length, f90040",
      "long form for a short string, b80511223344",
      "long form for a short list, f80380c0c0",
      "string beyond input, 830102",
      "long string beyond input, b8380102",
      "list beyond input, c30102",
      "length of length beyond input, b9",
      "8-byte length, bf0f000000000000021111",
      "trailing byte after a byte, 0102",
      "trailing byte after a list, c000",
      "trailing byte after a string, 820102ff",
      "string overruns its enclosing list, c2836162",
      "list overruns its enclosing list, c2c20101",
      "non-canonical byte inside a list, c3c28101",
  })
  void decodeRejects(String what, String input) {
    byte[] bytes = hex(input);
    RlpException e = assertThrows(RlpException.class, () -> Rlp.decode(bytes), what);
    assertTrue(e.getMessage().startsWith("at offset") || e.getMessage().startsWith("empty"),
        e.getMessage());
  }

  @Test
  void decodeMessagesNameTheProblem() {
    assertTrue(message("8105").contains("non-canonical single byte"), message("8105"));
    assertTrue(message("b90040").contains("leading zero"), message("b90040"));
    assertTrue(message("b80511223344").contains("long form"), message("b80511223344"));
    assertTrue(message("0102").contains("trailing"), message("0102"));
    assertTrue(message("c2836162").contains("enclosing list"), message("c2836162"));
    assertTrue(message("c2836162").startsWith("at offset 1"), message("c2836162"));
  }

  @Test
  void decodeDeepNestingWithoutStackOverflow() {
    int depth = 200_000;
    // Nested single-element lists around an empty list, built back to front.
    byte[] encoded = new byte[depth * 4 + 1];
    int at = encoded.length - 1;
    encoded[at] = (byte) 0xc0;
    int payload = 1;
    for (int i = 0; i < depth; i++) {
      byte[] header = listHeader(payload);
      at -= header.length;
      System.arraycopy(header, 0, encoded, at, header.length);
      payload += header.length;
    }
    byte[] input = Arrays.copyOfRange(encoded, at, encoded.length);
    RlpItem item = Rlp.decode(input);
    int levels = 0;
    while (!item.asList().isEmpty()) {
      item = item.asList().get(0);
      levels++;
    }
    assertEquals(depth, levels);
  }

  @Test
  void randomRoundTrips() {
    Random random = new Random(7);
    for (int i = 0; i < 2_000; i++) {
      byte[] encoded = randomItem(random, 0);
      assertArrayEquals(encoded, RlpVectorsTest.reencode(Rlp.decode(encoded)));
    }
  }

  private static byte[] randomItem(Random random, int depth) {
    if (depth < 4 && random.nextInt(3) == 0) {
      byte[][] items = new byte[random.nextInt(6)][];
      for (int i = 0; i < items.length; i++) {
        items[i] = randomItem(random, depth + 1);
      }
      return Rlp.encodeList(items);
    }
    byte[] value = new byte[random.nextInt(4) == 0 ? random.nextInt(300) : random.nextInt(3)];
    random.nextBytes(value);
    return Rlp.encodeBytes(value);
  }

  private static byte[] listHeader(int payload) {
    if (payload < 56) {
      return new byte[] {(byte) (0xc0 + payload)};
    }
    byte[] length = BigInteger.valueOf(payload).toByteArray();
    int start = length[0] == 0 ? 1 : 0;
    byte[] header = new byte[1 + length.length - start];
    header[0] = (byte) (0xf7 + header.length - 1);
    System.arraycopy(length, start, header, 1, header.length - 1);
    return header;
  }

  private static String message(String input) {
    return assertThrows(RlpException.class, () -> Rlp.decode(hex(input))).getMessage();
  }
}
