package org.evmjit.evm.precompile.bls12381;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.precompile.Precompile;
import org.evmjit.evm.precompile.Precompiles;
import org.evmjit.evm.word.Address;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * 0x0b-0x11 against the EIP-2537 test vectors (src/test/resources/eip2537, from the EIP's
 * assets): output and gas for the valid ones, failure for the fail-* ones. The precompiles are
 * taken from the Prague table, so the registration is tested as well.
 */
class Bls12381VectorsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Vector file stem and the address of the precompile it exercises (mul = MSM with k = 1). */
  private static final Object[][] FILES = {
    {"add_G1_bls", 0x0b},
    {"mul_G1_bls", 0x0c},
    {"msm_G1_bls_small", 0x0c},
    {"add_G2_bls", 0x0d},
    {"mul_G2_bls", 0x0e},
    {"pairing_check_bls", 0x0f},
    {"map_fp_to_G1_bls", 0x10},
    {"map_fp2_to_G2_bls", 0x11},
  };

  private static final Object[][] FAIL_FILES = {
    {"fail-add_G1_bls", 0x0b},
    {"fail-mul_G1_bls", 0x0c},
    {"fail-msm_G1_bls", 0x0c},
    {"fail-add_G2_bls", 0x0d},
    {"fail-mul_G2_bls", 0x0e},
    {"fail-msm_G2_bls", 0x0e},
    {"fail-pairing_check_bls", 0x0f},
    {"fail-map_fp_to_G1_bls", 0x10},
    {"fail-map_fp2_to_G2_bls", 0x11},
  };

  static Stream<Arguments> valid() throws IOException {
    return vectors(FILES);
  }

  static Stream<Arguments> invalid() throws IOException {
    return vectors(FAIL_FILES);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void validVectorGivesExpectedOutputAndGas(String name, int address, JsonNode v) {
    Precompile precompile = Precompiles.get(Address.of(address), Fork.PRAGUE);
    byte[] input = hex(v.get("Input").asText());
    assertEquals(v.get("Gas").asLong(), precompile.gasCost(input), "gas");
    assertArrayEquals(hex(v.get("Expected").asText()), precompile.execute(input), "output");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void failVectorFails(String name, int address, JsonNode v) {
    Precompile precompile = Precompiles.get(Address.of(address), Fork.PRAGUE);
    assertNull(precompile.execute(hex(v.get("Input").asText())), v.get("ExpectedError").asText());
  }

  @Test
  void absentBeforePragueAndPresentFromIt() {
    for (int a = 0x0b; a <= 0x11; a++) {
      assertNull(Precompiles.get(Address.of(a), Fork.CANCUN));
      assertNotNull(Precompiles.get(Address.of(a), Fork.PRAGUE));
      assertNotNull(Precompiles.get(Address.of(a), Fork.OSAKA));
    }
  }

  private static Stream<Arguments> vectors(Object[][] files) throws IOException {
    List<Arguments> out = new ArrayList<>();
    for (Object[] f : files) {
      String resource = "/eip2537/" + f[0] + ".json";
      try (InputStream in = Bls12381VectorsTest.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IOException("missing test resource " + resource);
        }
        for (JsonNode v : JSON.readTree(in)) {
          out.add(Arguments.of(f[0] + "/" + v.get("Name").asText(), f[1], v));
        }
      }
    }
    return out.stream();
  }

  static byte[] hex(String s) {
    return HexFormat.of().parseHex(s);
  }
}
