package org.evmjit.statetest.bench;

import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.state.WorldState;
import org.evmjit.evm.tx.BlockEnv;
import org.evmjit.evm.tx.Transaction;

/**
 * One benchmark input: a transaction to run on (a copy of) a pre-state.
 *
 * @param suite the folder the file sits in ({@code main}, {@code micro}, {@code revmc}), to tell
 *     apart benchmarks of the same name
 * @param name the benchmark (the test name in its file)
 * @param input which input ({@code _info.labels[d]} when the file has labels)
 * @param pre the pre-state; never mutated: every run works on a {@link WorldState#copy()}
 */
public record BenchCase(
    String suite, String file, String name, String input, Fork fork, WorldState pre, BlockEnv env, Transaction tx) {}
