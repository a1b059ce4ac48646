package org.evmjit.statetest.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Random;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.state.WorldState;
import org.evmjit.evm.tx.LogsHash;
import org.evmjit.evm.tx.Transaction;
import org.evmjit.evm.tx.TransactionResult;
import org.evmjit.evm.word.Address;
import org.evmjit.statetest.fixture.Indexes;
import org.evmjit.statetest.fixture.StateTest;
import org.evmjit.statetest.fixture.StateTestLoader;
import org.evmjit.statetest.ethjs.EthereumJsEngine;
import org.evmjit.statetest.runner.DifferentialExecutor;
import org.evmjit.statetest.runner.InterpreterExecutor;
import org.evmjit.statetest.runner.JitExecutor;
import org.evmjit.statetest.runner.Outcome;

/**
 * Differential fuzzing: each case is a generated state test (two contracts, calldata, gas limit,
 * value) run on the interpreter and on the JIT; any difference in validity, status, gas used,
 * output, logs hash or state root is a divergence, returned with a replayable state-test JSON
 * whose post entry holds the interpreter's state root and logs hash (run it with
 * {@code evmjit state-test --engine both FILE}). With {@code --against ethereumjs} each case runs on
 * ethereumjs too and must agree with the interpreter (replay with {@code --engine interpreter,ethereumjs}).
 */
public final class Fuzzer {
  public static final String SENDER = "0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b";
  static final String SECRET_KEY = "0x45a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8";
  public static final String CONTRACT = "0xcccccccccccccccccccccccccccccccccccccccc";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HexFormat HEX = HexFormat.of();

  /** A divergence: what differs, and the case as a state-test file. */
  public record Divergence(String name, String difference, String json) {}

  private final StateTestLoader loader = new StateTestLoader();
  private final InterpreterExecutor interpreter = new InterpreterExecutor();
  private final Fork fork;
  /** {@code --against ethereumjs}: every case also runs there and must agree with the interpreter; null when not asked. */
  private final EthereumJsEngine against;

  /** Programs of {@code fork}'s opcodes and precompiles, run under its rules. */
  public Fuzzer(Fork fork) {
    this(fork, null);
  }

  /** As {@link #Fuzzer(Fork)}, each case also run on {@code against} (null: none). */
  public Fuzzer(Fork fork, EthereumJsEngine against) {
    this.fork = fork;
    this.against = against;
  }

  /** Runs case {@code index} of {@code seed}; null when the engines agree. */
  public Divergence run(long seed, long index) {
    Random rnd = new Random(seed * 1_000_003L + index);
    ProgramGenerator.Case c = new ProgramGenerator(rnd, fork).next();
    String name = "fuzz_" + seed + "_" + index;
    ObjectNode test = fixture(c);
    StateTest st = loader.parse(file(name, test), name).get(0);
    Transaction tx = st.transaction().build(Indexes.ZERO);
    WorldState a = st.newPreState();
    WorldState b = st.newPreState();
    TransactionResult expected = interpreter.execute(fork, a, st.env().toBlockEnv(fork), tx, null);
    String diff;
    try {
      // a fresh selector per case, so its classes can be unloaded
      TransactionResult actual = new JitExecutor().execute(fork, b, st.env().toBlockEnv(fork), tx, null);
      diff = DifferentialExecutor.firstDifference(expected, actual, a, b);
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      // LinkageError: a generated class the JVM refuses (VerifyError, ClassFormatError) is a
      // divergence of this case, not the end of the worker thread
      diff = "exception in the JIT: " + e;
    }
    if (diff == null && against != null) {
      diff = againstEthereumJs(test, expected, a, st.env().coinbase());
    }
    if (diff == null) {
      return null;
    }
    ObjectNode entry = MAPPER.createObjectNode();
    ObjectNode idx = entry.putObject("indexes");
    idx.put("data", 0);
    idx.put("gas", 0);
    idx.put("value", 0);
    entry.put("hash", "0x" + HEX.formatHex(a.stateRoot()));
    entry.put("logs", "0x" + HEX.formatHex(LogsHash.of(expected.logs())));
    entry.put("txbytes", "0x");
    ((ObjectNode) test.get("post")).putArray(fork.fixtureName()).add(entry);
    test.putObject("_info").put("comment", "evmjit fuzz divergence: " + diff);
    return new Divergence(name, diff, file(name, test));
  }

  /** The first difference between the interpreter's result and ethereumjs's, or null. */
  private String againstEthereumJs(ObjectNode test, TransactionResult expected, WorldState a, Address coinbase) {
    a.touch(coinbase, fork); // the zero reward geth's (and ethereumjs's) runner pays, as state-test does
    Outcome ours = new Outcome(expected.invalidReason(),
        expected.isValid() ? expected.status().name().toLowerCase(Locale.ROOT) : null, expected.gasUsed(),
        HEX.formatHex(expected.output()), "0x" + HEX.formatHex(LogsHash.of(expected.logs())),
        "0x" + HEX.formatHex(a.stateRoot()), 0);
    try {
      Outcome theirs = EthereumJsEngine.outcome(against.call(against.stateRequest(test, fork.fixtureName(), Indexes.ZERO, false)));
      String diff = ours.firstDifference(theirs);
      return diff == null ? null : "interpreter vs ethereumjs: " + diff;
    } catch (Exception e) {
      return "ethereumjs: " + e.getMessage();
    }
  }

  private static String file(String name, ObjectNode test) {
    ObjectNode root = MAPPER.createObjectNode();
    root.set(name, test);
    return root.toPrettyString();
  }

  static ObjectNode fixture(ProgramGenerator.Case c) {
    ObjectNode t = MAPPER.createObjectNode();
    ObjectNode env = t.putObject("env");
    env.put("currentCoinbase", "0x2adc25665018aa1fe0e6bc666dac8fc2697ff9ba");
    env.put("currentDifficulty", "0x020000");
    env.put("currentGasLimit", "0x3b9aca00");
    env.put("currentNumber", "0x01");
    env.put("currentTimestamp", "0x03e8");
    env.put("currentBaseFee", "0x0a");
    env.put("currentRandom", "0x" + "00".repeat(31) + "07");
    env.put("currentExcessBlobGas", "0x00");
    ObjectNode pre = t.putObject("pre");
    account(pre, CONTRACT, "0x0de0b6b3a7640000", c.code());
    account(pre, ProgramGenerator.CALLEE, "0x01", c.callee());
    account(pre, SENDER, "0x0de0b6b3a7640000", new byte[0]);
    ObjectNode tx = t.putObject("transaction");
    tx.putArray("data").add("0x" + HEX.formatHex(c.input()));
    tx.putArray("gasLimit").add("0x" + Long.toHexString(c.gasLimit()));
    tx.put("gasPrice", "0x0a");
    tx.put("nonce", "0x00");
    tx.put("secretKey", SECRET_KEY);
    tx.put("sender", SENDER);
    tx.put("to", CONTRACT);
    tx.putArray("value").add("0x" + Long.toHexString(c.value()));
    t.putObject("post");
    return t;
  }

  private static void account(ObjectNode pre, String address, String balance, byte[] code) {
    ObjectNode a = pre.putObject(address);
    a.put("balance", balance);
    a.put("code", "0x" + HEX.formatHex(code));
    a.put("nonce", "0x00");
    a.putObject("storage").put("0x01", "0x02");
  }

}
