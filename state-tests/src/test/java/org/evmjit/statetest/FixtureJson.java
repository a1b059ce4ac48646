package org.evmjit.statetest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds small state-test JSON documents for tests (never copies of fixture files). */
public final class FixtureJson {
  public static final ObjectMapper MAPPER = new ObjectMapper();
  public static final String SENDER = "0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b";
  public static final String SECRET_KEY =
      "0x45a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8";
  public static final String CONTRACT = "0x095e7baea6a6c7c4c2dfeb977efac326af552d87";
  public static final String ROOT_A = "0x" + "aa".repeat(32);
  public static final String ROOT_B = "0x" + "bb".repeat(32);
  public static final String EMPTY_LOGS =
      "0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347";

  private FixtureJson() {}

  /** One valid legacy test with a Cancun post entry at indexes 0/0/0, expecting {@link #ROOT_A}. */
  public static ObjectNode test() {
    ObjectNode t = MAPPER.createObjectNode();
    ObjectNode env = t.putObject("env");
    env.put("currentCoinbase", "0x2adc25665018aa1fe0e6bc666dac8fc2697ff9ba");
    env.put("currentDifficulty", "0x020000");
    env.put("currentGasLimit", "0xff112233445566");
    env.put("currentNumber", "0x01");
    env.put("currentTimestamp", "0x03e8");
    env.put("currentBaseFee", "0x0a");
    env.put("currentRandom", "0x" + "00".repeat(31) + "07");
    env.put("currentExcessBlobGas", "0x00");
    ObjectNode pre = t.putObject("pre");
    ObjectNode contract = pre.putObject(CONTRACT);
    contract.put("balance", "0x0de0b6b3a7640000");
    contract.put("code", "0x600160010160005500");
    contract.put("nonce", "0x00");
    contract.putObject("storage").put("0x01", "0x02");
    ObjectNode sender = pre.putObject(SENDER);
    sender.put("balance", "0x0de0b6b3a7640000");
    sender.put("code", "0x");
    sender.put("nonce", "0xffffffffffffffff");
    sender.putObject("storage");
    ObjectNode tx = t.putObject("transaction");
    tx.putArray("data").add("0x").add("0x0102");
    tx.putArray("gasLimit").add("0x061a80");
    tx.put("gasPrice", "0x0a");
    tx.put("nonce", "0x00");
    tx.put("secretKey", SECRET_KEY);
    tx.put("sender", SENDER);
    tx.put("to", CONTRACT);
    tx.putArray("value").add("0x0186a0");
    ObjectNode post = t.putObject("post");
    post.putArray("Cancun").add(entry(0, 0, 0, ROOT_A));
    return t;
  }

  public static ObjectNode entry(int d, int g, int v, String hash) {
    ObjectNode e = MAPPER.createObjectNode();
    ObjectNode idx = e.putObject("indexes");
    idx.put("data", d);
    idx.put("gas", g);
    idx.put("value", v);
    e.put("hash", hash);
    e.put("logs", EMPTY_LOGS);
    e.put("txbytes", "0x");
    return e;
  }

  public static ArrayNode post(ObjectNode test, String fork) {
    ObjectNode post = (ObjectNode) test.get("post");
    return post.has(fork) ? (ArrayNode) post.get(fork) : post.putArray(fork);
  }

  /** A file holding {@code test} under {@code name}. */
  public static String file(String name, JsonNode test) {
    ObjectNode root = MAPPER.createObjectNode();
    root.set(name, test);
    return root.toString();
  }

  public static ObjectNode at(ObjectNode node, String field) {
    return (ObjectNode) node.get(field);
  }
}
