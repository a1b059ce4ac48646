package org.evmjit.evm.rlp;

import static org.evmjit.evm.testing.SharedFixtures.toHex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.evmjit.evm.testing.SharedFixtures;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The ethereum/tests {@code RLPTests} vectors, read at run time: one dynamic test per vector.
 *
 * <p>Each vector has {@code in} and {@code out} (hex, with or without 0x). {@code in} is
 * {@code "INVALID"} (decoding {@code out} must fail), {@code "VALID"} (decoding must succeed and
 * re-encode to the same bytes), or a value: a string (its UTF-8 bytes, or a decimal big integer
 * when it starts with {@code #}), an integer, or a list of such. A value must encode to
 * {@code out}, and {@code out} must decode to it.
 */
class RlpVectorsTest {

  @TestFactory
  Stream<DynamicNode> rlpTests() {
    Path dir = SharedFixtures.ethereumTests("RLPTests");
    return SharedFixtures.jsonFiles(dir).stream()
        .map(file -> dynamicContainer(dir.relativize(file).toString(), vectors(file)));
  }

  private static Stream<DynamicTest> vectors(Path file) {
    List<DynamicTest> tests = new ArrayList<>();
    for (Map.Entry<String, JsonNode> vector : SharedFixtures.readJson(file).properties()) {
      JsonNode in = vector.getValue().get("in");
      byte[] out = SharedFixtures.hex(vector.getValue().get("out").asText());
      tests.add(dynamicTest(vector.getKey(), () -> check(in, out)));
    }
    return tests.stream();
  }

  private static void check(JsonNode in, byte[] out) {
    if (in.isTextual() && in.asText().equals("INVALID")) {
      RlpException e = assertThrows(RlpException.class, () -> Rlp.decode(out),
          () -> "decoded invalid RLP " + toHex(out));
      assertFalse(e.getMessage().isBlank());
    } else if (in.isTextual() && in.asText().equals("VALID")) {
      assertEquals(toHex(out), toHex(reencode(Rlp.decode(out))));
    } else {
      assertEquals(toHex(out), toHex(encode(in)), "encoding");
      assertEquals(expectedItem(in), Rlp.decode(out), "decoding");
    }
  }

  private static byte[] encode(JsonNode in) {
    if (in.isArray()) {
      List<byte[]> items = new ArrayList<>();
      in.forEach(element -> items.add(encode(element)));
      return Rlp.encodeList(items);
    }
    if (in.isIntegralNumber()) {
      return in.canConvertToLong() && in.asLong() >= 0
          ? Rlp.encodeLong(in.asLong())
          : Rlp.encodeBigInteger(in.bigIntegerValue());
    }
    String text = in.asText();
    if (text.startsWith("#")) {
      return Rlp.encodeBigInteger(new BigInteger(text.substring(1)));
    }
    return Rlp.encodeBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  /** What decoding must give: scalars decode to their minimal big-endian bytes. */
  private static RlpItem expectedItem(JsonNode in) {
    if (in.isArray()) {
      List<RlpItem> items = new ArrayList<>();
      in.forEach(element -> items.add(expectedItem(element)));
      return new RlpItem.ListItem(items);
    }
    if (in.isIntegralNumber()) {
      return new RlpItem.Bytes(minimalBytes(in.bigIntegerValue()));
    }
    String text = in.asText();
    if (text.startsWith("#")) {
      return new RlpItem.Bytes(minimalBytes(new BigInteger(text.substring(1))));
    }
    return new RlpItem.Bytes(text.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] minimalBytes(BigInteger value) {
    if (value.signum() == 0) {
      return new byte[0];
    }
    byte[] bytes = value.toByteArray();
    return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
  }

  static byte[] reencode(RlpItem item) {
    return switch (item) {
      case RlpItem.Bytes b -> Rlp.encodeBytes(b.value());
      case RlpItem.ListItem l -> Rlp.encodeList(l.items().stream().map(RlpVectorsTest::reencode).toList());
    };
  }
}
