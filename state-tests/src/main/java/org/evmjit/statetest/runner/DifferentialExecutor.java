package org.evmjit.statetest.runner;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.state.WorldState;
import org.evmjit.evm.trace.Tracer;
import org.evmjit.evm.tx.BlockEnv;
import org.evmjit.evm.tx.LogsHash;
import org.evmjit.evm.tx.Transaction;
import org.evmjit.evm.tx.TransactionResult;

/**
 * {@code --engine both}: runs every transaction on the interpreter (on a copy of the state) and
 * on the JIT, and throws {@link Divergence} naming the first field that differs: validity,
 * status, gas used, output, logs hash, state root. Returns the JIT's result (and leaves its
 * state), so the fixture's expectations are checked too.
 */
public final class DifferentialExecutor implements Executor {
  private final Executor reference = new InterpreterExecutor();
  private final Executor subject;

  public DifferentialExecutor() {
    this(new JitExecutor());
  }

  public DifferentialExecutor(Executor subject) {
    this.subject = subject;
  }

  /** The engines disagree. */
  public static final class Divergence extends RuntimeException {
    public Divergence(String message) {
      super(message);
    }
  }

  @Override
  public TransactionResult execute(Fork fork, WorldState state, BlockEnv env, Transaction tx, Tracer tracer) {
    WorldState copy = state.copy();
    TransactionResult expected = reference.execute(fork, copy, env, tx, null);
    TransactionResult actual = subject.execute(fork, state, env, tx, tracer);
    String diff = firstDifference(expected, actual, copy, state);
    if (diff != null) {
      throw new Divergence("divergence (interpreter vs jit) in " + diff);
    }
    return actual;
  }

  /** The first differing field, described, or null when the runs agree. */
  public static String firstDifference(TransactionResult a, TransactionResult b, WorldState sa, WorldState sb) {
    if (!Objects.equals(a.invalidReason(), b.invalidReason())) {
      return "validity: " + a.invalidReason() + " vs " + b.invalidReason();
    }
    if (a.status() != b.status()) {
      return "status: " + a.status() + " (" + a.haltReason() + ") vs " + b.status() + " (" + b.haltReason() + ")";
    }
    if (a.gasUsed() != b.gasUsed()) {
      return "gas used: " + a.gasUsed() + " vs " + b.gasUsed();
    }
    if (!Arrays.equals(a.output(), b.output())) {
      return "output: " + hex(a.output()) + " vs " + hex(b.output());
    }
    byte[] la = LogsHash.of(a.logs()), lb = LogsHash.of(b.logs());
    if (!Arrays.equals(la, lb)) {
      return "logs hash: " + hex(la) + " vs " + hex(lb);
    }
    byte[] ra = sa.stateRoot(), rb = sb.stateRoot();
    if (!Arrays.equals(ra, rb)) {
      return "state root: " + hex(ra) + " vs " + hex(rb);
    }
    return null;
  }

  private static String hex(byte[] b) {
    return "0x" + HexFormat.of().formatHex(b);
  }
}
