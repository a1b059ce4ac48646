package org.evmjit.evm.precompile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HexFormat;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.word.Address;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * 0x06-0x08 against published vectors (go-ethereum core/vm/testdata/precompiles/bn256*.json,
 * from the EIP-196/197 test suites by chfast, cdetrio and jeff) and invalid inputs.
 */
class PrecompileBn254Test {
  private static final Precompile ADD = Precompiles.get(Address.of(6), Fork.ISTANBUL);
  private static final Precompile MUL = Precompiles.get(Address.of(7), Fork.ISTANBUL);
  private static final Precompile PAIRING = Precompiles.get(Address.of(8), Fork.ISTANBUL);

  /** G1 generator (1, 2). */
  private static final String G1 =
      "0000000000000000000000000000000000000000000000000000000000000001"
          + "0000000000000000000000000000000000000000000000000000000000000002";

  /** G2 generator as x_im, x_re, y_im, y_re. */
  private static final String G2 =
      "198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c2"
          + "1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed"
          + "090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b"
          + "12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa";

  /** -G2 (y negated). */
  private static final String MINUS_G2 =
      "198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c2"
          + "1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed"
          + "275dc4a288d1afb3cbb1ac09187524c7db36395df7be3b99e673b13a075a65ec"
          + "1d9befcd05a5323e6da4d435f3b617cdb3af83285c2df711ef39c01571827f9d";

  /** The field modulus p, which is not a valid coordinate. */
  private static final String P =
      "30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47";

  private static final String ZERO_WORD = "00".repeat(32);
  private static final String ONE_WORD = "00".repeat(31) + "01";

  static byte[] hex(String s) {
    return HexFormat.of().parseHex(s);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "chfast1, 18b18acfb4c2c30276db5411368e7185b311dd124691610c5d3b74034e093dc9063c909c4720840cb5134cb9f59fa749755796819658d32efc0d288198f3726607c2b7f58a84bd6145f00c9c2bc0bb1a187f20ff2c92963a88019e7c6a014eed06614e20c147e940f2d70da3f74c9a17df361706a4485c742bd6788478fa17d7,"
        + " 2243525c5efd4b9c3d3c45ac0ca3fe4dd85e830a4ce6b65fa1eeaee202839703301d1d33be6da8e509df21cc35964723180eed7532537db9ae5e7d48f195c915",
    "chfast2, 2243525c5efd4b9c3d3c45ac0ca3fe4dd85e830a4ce6b65fa1eeaee202839703301d1d33be6da8e509df21cc35964723180eed7532537db9ae5e7d48f195c91518b18acfb4c2c30276db5411368e7185b311dd124691610c5d3b74034e093dc9063c909c4720840cb5134cb9f59fa749755796819658d32efc0d288198f37266,"
        + " 2bd3e6d0f3b142924f5ca7b49ce5b9d54c4703d7ae5648e61d02268b1a0a9fb721611ce0a6af85915e2f1d70300909ce2e49dfad4a4619c8390cae66cefdb204",
    "cdetrio11 (G + G), 0000000000000000000000000000000000000000000000000000000000000001000000000000000000000000000000000000000000000000000000000000000200000000000000000000000000000000000000000000000000000000000000010000000000000000000000000000000000000000000000000000000000000002,"
        + " 030644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd315ed738c0e0a7c92e7845f96b2ae9c0a68a6a449e3538fc7ff3ebf7a5a18a2c4",
    "cdetrio13, 17c139df0efee0f766bc0204762b774362e4ded88953a39ce849a8a7fa163fa901e0559bacb160664764a357af8a9fe70baa9258e0b959273ffc5718c6d4cc7c039730ea8dff1254c0fee9c0ea777d29a9c710b7e616683f194f18c43b43b869073a5ffcc6fc7a28c30723d6e58ce577356982d65b833a5a5c15bf9024b43d98,"
        + " 15bf2bb17880144b5d1cd2b1f46eff9d617bffd1ca57c37fb5a49bd84e53cf66049c797f9ce0d17083deb32b5e36f2ea2a212ee036598dd7624c168993d1355f",
    "cdetrio14 (P + -P), 17c139df0efee0f766bc0204762b774362e4ded88953a39ce849a8a7fa163fa901e0559bacb160664764a357af8a9fe70baa9258e0b959273ffc5718c6d4cc7c17c139df0efee0f766bc0204762b774362e4ded88953a39ce849a8a7fa163fa92e83f8d734803fc370eba25ed1f6b8768bd6d83887b87165fc2434fe11a830cb,"
        + " 00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
    "cdetrio6 (0 + G short), 0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000010000000000000000000000000000000000000000000000000000000000000002,"
        + " 00000000000000000000000000000000000000000000000000000000000000010000000000000000000000000000000000000000000000000000000000000002",
  })
  void addVectors(String name, String input, String expected) {
    assertArrayEquals(hex(expected), ADD.execute(hex(input)), name);
  }

  @Test
  void addPadsShortInputWithZeros() {
    assertArrayEquals(new byte[64], ADD.execute(new byte[0]));
    assertArrayEquals(hex(G1), ADD.execute(hex(G1)));
    // extra input beyond 128 bytes is ignored
    assertArrayEquals(hex(G1), ADD.execute(hex(G1 + ZERO_WORD + ZERO_WORD + "ff")));
  }

  @Test
  void addRejectsInvalidPoints() {
    assertNull(ADD.execute(hex(ONE_WORD + ONE_WORD)), "(1, 1) is not on the curve");
    assertNull(ADD.execute(hex(G1 + ONE_WORD + ONE_WORD)), "second point not on the curve");
    assertNull(ADD.execute(hex(P + "00".repeat(31) + "02")), "x = p");
    // (0, p) is not the encoding of infinity
    assertNull(ADD.execute(hex(ZERO_WORD + P)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "chfast1, 2bd3e6d0f3b142924f5ca7b49ce5b9d54c4703d7ae5648e61d02268b1a0a9fb721611ce0a6af85915e2f1d70300909ce2e49dfad4a4619c8390cae66cefdb20400000000000000000000000000000000000000000000000011138ce750fa15c2,"
        + " 070a8d6a982153cae4be29d434e8faef8a47b274a053f5a4ee2a6c9c13c31e5c031b8ce914eba3a9ffb989f9cdd5b0f01943074bf4f0f315690ec3cec6981afc",
    "chfast2, 070a8d6a982153cae4be29d434e8faef8a47b274a053f5a4ee2a6c9c13c31e5c031b8ce914eba3a9ffb989f9cdd5b0f01943074bf4f0f315690ec3cec6981afc30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd46,"
        + " 025a6f4181d2b4ea8b724290ffb40156eb0adb514c688556eb79cdea0752c2bb2eff3f31dea215f1eb86023a133a996eb6300b44da664d64251d05381bb8a02e",
    "chfast3, 025a6f4181d2b4ea8b724290ffb40156eb0adb514c688556eb79cdea0752c2bb2eff3f31dea215f1eb86023a133a996eb6300b44da664d64251d05381bb8a02e183227397098d014dc2822db40c0ac2ecbc0b548b438e5469e10460b6c3e7ea3,"
        + " 14789d0d4a730b354403b5fac948113739e276c23e0258d8596ee72f9cd9d3230af18a63153e0ec25ff9f2951dd3fa90ed0197bfef6e2a1a62b5095b9d2b4a27",
    "cdetrio1 (scalar 2^256-1), 1a87b0584ce92f4593d161480614f2989035225609f08058ccfa3d0f940febe31a2f3c951f6dadcc7ee9007dff81504b0fcd6d7cf59996efdc33d92bf7f9f8f6ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff,"
        + " 2cde5879ba6f13c0b5aa4ef627f159a3347df9722efce88a9afbb20b763b4c411aa7e43076f6aee272755a7f9b84832e71559ba0d2e0b17d5f9f01755e5b0d11",
    "cdetrio2 (scalar r - 1), 1a87b0584ce92f4593d161480614f2989035225609f08058ccfa3d0f940febe31a2f3c951f6dadcc7ee9007dff81504b0fcd6d7cf59996efdc33d92bf7f9f8f630644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000000,"
        + " 1a87b0584ce92f4593d161480614f2989035225609f08058ccfa3d0f940febe3163511ddc1c3f25d396745388200081287b3fd1472d8339d5fecb2eae0830451",
    "cdetrio11, 039730ea8dff1254c0fee9c0ea777d29a9c710b7e616683f194f18c43b43b869073a5ffcc6fc7a28c30723d6e58ce577356982d65b833a5a5c15bf9024b43d98ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff,"
        + " 00a1a234d08efaa2616607e31eca1980128b00b415c845ff25bba3afcb81dc00242077290ed33906aeb8e42fd98c41bcb9057ba03421af3f2d08cfc441186024",
    "cdetrio9, 17c139df0efee0f766bc0204762b774362e4ded88953a39ce849a8a7fa163fa901e0559bacb160664764a357af8a9fe70baa9258e0b959273ffc5718c6d4cc7c0000000000000000000000000000000000000000000000000000000000000009,"
        + " 228e687a379ba154554040f8821f4e41ee2be287c201aa9c3bc02c9dd12f1e691e0fd6ee672d04cfd924ed8fdc7ba5f2d06c53c1edc30f65f2af5a5b97f0a76a",
  })
  void mulVectors(String name, String input, String expected) {
    assertArrayEquals(hex(expected), MUL.execute(hex(input)), name);
  }

  @Test
  void mulEdgeCases() {
    assertArrayEquals(new byte[64], MUL.execute(new byte[0]), "0 * infinity");
    assertArrayEquals(new byte[64], MUL.execute(hex(G1)), "missing scalar reads as 0");
    assertArrayEquals(hex(G1), MUL.execute(hex(G1 + ONE_WORD)));
    assertNull(MUL.execute(hex(ONE_WORD + ONE_WORD + ONE_WORD)), "(1, 1) is not on the curve");
    assertNull(MUL.execute(hex(ONE_WORD + P + ONE_WORD)), "y = p");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "jeff1, 1c76476f4def4bb94541d57ebba1193381ffa7aa76ada664dd31c16024c43f593034dd2920f673e204fee2811c678745fc819b55d3e9d294e45c9b03a76aef41209dd15ebff5d46c4bd888e51a93cf99a7329636c63514396b4a452003a35bf704bf11ca01483bfa8b34b43561848d28905960114c8ac04049af4b6315a416782bb8324af6cfc93537a2ad1a445cfd0ca2a71acd7ac41fadbf933c2a51be344d120a2a4cf30c1bf9845f20c6fe39e07ea2cce61f0c9bb048165fe5e4de877550111e129f1cf1097710d41c4ac70fcdfa5ba2023c6ff1cbeac322de49d1b6df7c2032c61a830e3c17286de9462bf242fca2883585b93870a73853face6a6bf411198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c21800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa, 1",
    "jeff6, 1c76476f4def4bb94541d57ebba1193381ffa7aa76ada664dd31c16024c43f593034dd2920f673e204fee2811c678745fc819b55d3e9d294e45c9b03a76aef41209dd15ebff5d46c4bd888e51a93cf99a7329636c63514396b4a452003a35bf704bf11ca01483bfa8b34b43561848d28905960114c8ac04049af4b6315a416782bb8324af6cfc93537a2ad1a445cfd0ca2a71acd7ac41fadbf933c2a51be344d120a2a4cf30c1bf9845f20c6fe39e07ea2cce61f0c9bb048165fe5e4de877550111e129f1cf1097710d41c4ac70fcdfa5ba2023c6ff1cbeac322de49d1b6df7c103188585e2364128fe25c70558f1560f4f9350baf3959e603cc91486e110936198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c21800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa, 0",
    "jeff4 (3 pairs), 2f2ea0b3da1e8ef11914acf8b2e1b32d99df51f5f4f206fc6b947eae860eddb6068134ddb33dc888ef446b648d72338684d678d2eb2371c61a50734d78da4b7225f83c8b6ab9de74e7da488ef02645c5a16a6652c3c71a15dc37fe3a5dcb7cb122acdedd6308e3bb230d226d16a105295f523a8a02bfc5e8bd2da135ac4c245d065bbad92e7c4e31bf3757f1fe7362a63fbfee50e7dc68da116e67d600d9bf6806d302580dc0661002994e7cd3a7f224e7ddc27802777486bf80f40e4ca3cfdb186bac5188a98c45e6016873d107f5cd131f3a3e339d0375e58bd6219347b008122ae2b09e539e152ec5364e7e2204b03d11d3caa038bfc7cd499f8176aacbee1f39e4e4afc4bc74790a4a028aff2c3d2538731fb755edefd8cb48d6ea589b5e283f150794b6736f670d6a1033f9b46c6f5204f50813eb85c8dc4b59db1c5d39140d97ee4d2b36d99bc49974d18ecca3e7ad51011956051b464d9e27d46cc25e0764bb98575bd466d32db7b15f582b2d5c452b36aa394b789366e5e3ca5aabd415794ab061441e51d01e94640b7e3084a07e02c78cf3103c542bc5b298669f211b88da1679b0b64a63b7e0e7bfe52aae524f73a55be7fe70c7e9bfc94b4cf0da1213d2149b006137fcfb23036606f848d638d576a120ca981b5b1a5f9300b3ee2276cf730cf493cd95d64677bbb75fc42db72513a4c1e387b476d056f80aa75f21ee6226d31426322afcda621464d0611d226783262e21bb3bc86b537e986237096df1f82dff337dd5972e32a8ad43e28a78a96a823ef1cd4debe12b6552ea5f, 1",
    "two_point_match_4, 105456a333e6d636854f987ea7bb713dfd0ae8371a72aea313ae0c32c0bf10160cf031d41b41557f3e7e3ba0c51bebe5da8e6ecd855ec50fc87efcdeac168bcc0476be093a6d2b4bbf907172049874af11e1b6267606e00804d3ff0037ec57fd3010c68cb50161b7d1d96bb71edfec9880171954e56871abf3d93cc94d745fa114c059d74e5b6c4ec14ae5864ebe23a71781d86c29fb8fb6cce94f70d3de7a2101b33461f39d9e887dbb100f170a2345dde3c07e256d1dfa2b657ba5cd030427000000000000000000000000000000000000000000000000000000000000000100000000000000000000000000000000000000000000000000000000000000021a2c3013d2ea92e13c800cde68ef56a294b883f6ac35d25f587c09b1b3c635f7290158a80cd3d66530f74dc94c94adb88f5cdb481acca997b6e60071f08a115f2f997f3dbd66a7afe07fe7862ce239edba9e05c5afff7f8a1259c9733b2dfbb929d1691530ca701b4a106054688728c9972c8512e9789e9567aae23e302ccd75, 1",
  })
  void pairingVectors(String name, String input, int expected) {
    byte[] out = PAIRING.execute(hex(input));
    assertArrayEquals(word(expected), out, name);
  }

  @Test
  void pairingOfGeneratorsAndTheirNegatives() {
    assertArrayEquals(word(1), PAIRING.execute(new byte[0]), "no pairs: product is 1");
    assertArrayEquals(word(0), PAIRING.execute(hex(G1 + G2)), "e(G1, G2) != 1");
    assertArrayEquals(word(1), PAIRING.execute(hex(G1 + G2 + G1 + MINUS_G2)));
    assertArrayEquals(word(0), PAIRING.execute(hex(G1 + G2 + G1 + G2)));
    // a pair with a point at infinity contributes 1
    assertArrayEquals(word(1), PAIRING.execute(hex("00".repeat(64) + G2)));
    assertArrayEquals(word(1), PAIRING.execute(hex(G1 + "00".repeat(128))));
  }

  @Test
  void pairingRejectsInvalidInput() {
    assertNull(PAIRING.execute(new byte[191]), "length not a multiple of 192");
    assertNull(PAIRING.execute(hex(G1 + G2 + "00")), "length not a multiple of 192");
    assertNull(PAIRING.execute(hex(ONE_WORD + ONE_WORD + G2)), "G1 point not on the curve");
    assertNull(PAIRING.execute(hex(G1 + ONE_WORD + ONE_WORD + ONE_WORD + ONE_WORD)),
        "G2 point not on the twist");
    assertNull(PAIRING.execute(hex(G1 + P + G2.substring(64))), "G2 coordinate = p");
    // the G2 coordinates in the wrong order (x_re first) are not on the twist
    String swapped = G2.substring(64, 128) + G2.substring(0, 64) + G2.substring(192) + G2.substring(128, 192);
    assertNull(PAIRING.execute(hex(G1 + swapped)));
  }

  @Test
  void gasFollowsEip1108FromIstanbul() {
    byte[] twoPairs = hex(G1 + G2 + G1 + MINUS_G2);
    for (Fork fork : new Fork[] {Fork.BYZANTIUM, Fork.CONSTANTINOPLE, Fork.PETERSBURG}) {
      assertEquals(500, Precompiles.get(Address.of(6), fork).gasCost(new byte[0]));
      assertEquals(40_000, Precompiles.get(Address.of(7), fork).gasCost(new byte[0]));
      assertEquals(100_000, Precompiles.get(Address.of(8), fork).gasCost(new byte[0]));
      assertEquals(260_000, Precompiles.get(Address.of(8), fork).gasCost(twoPairs));
    }
    for (Fork fork : new Fork[] {Fork.ISTANBUL, Fork.BERLIN, Fork.CANCUN}) {
      assertEquals(150, Precompiles.get(Address.of(6), fork).gasCost(new byte[0]));
      assertEquals(6_000, Precompiles.get(Address.of(7), fork).gasCost(new byte[0]));
      assertEquals(45_000, Precompiles.get(Address.of(8), fork).gasCost(new byte[0]));
      assertEquals(113_000, Precompiles.get(Address.of(8), fork).gasCost(twoPairs));
    }
  }

  private static byte[] word(int value) {
    byte[] out = new byte[32];
    out[31] = (byte) value;
    return out;
  }
}
