package org.evmjit.statetest.runner;

import java.util.Locale;
import org.evmjit.evm.state.WorldState;
import org.evmjit.evm.trace.Tracer;
import org.evmjit.evm.tx.BlockEnv;
import org.evmjit.evm.tx.Transaction;
import org.evmjit.evm.tx.TransactionResult;
import org.evmjit.statetest.fixture.Hex;

/** An evmjit engine (interpreter, JIT, runtime, or a test's fake) behind its {@link Executor}. */
public final class ExecutorEngine implements EntryEngine {
  private final String name;
  private final Executor executor;

  public ExecutorEngine(String name, Executor executor) {
    this.name = name;
    this.executor = executor;
  }

  @Override
  public String name() {
    return name;
  }

  /**
   * A fresh world state from {@code pre}, the block environment and transaction the entry
   * selects, one {@link Executor#execute}, the coinbase touch, then the state root and logs hash.
   */
  @Override
  public Outcome run(Entry entry, Tracer tracer) {
    WorldState state = entry.test().newPreState();
    BlockEnv env = entry.test().env().toBlockEnv(entry.fork());
    Transaction tx = entry.test().transaction().build(entry.post().indexes());
    long start = System.nanoTime();
    TransactionResult result = executor.execute(entry.fork(), state, env, tx, tracer);
    long timeNs = System.nanoTime() - start;
    state.touch(env.coinbase(), entry.fork()); // the zero reward geth's runner pays after every transaction
    return new Outcome(
        result.invalidReason(),
        result.isValid() ? result.status().name().toLowerCase(Locale.ROOT) : null,
        result.gasUsed(),
        Hex.unprefixed(result.output()),
        Hex.prefixed(executor.logsHash(result.logs())),
        Hex.prefixed(executor.stateRoot(state)),
        timeNs,
        state);
  }
}
