package org.evmjit.statetest.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.state.WorldState;
import org.evmjit.evm.tx.BlockEnv;
import org.evmjit.evm.tx.Transaction;
import org.evmjit.statetest.fixture.Indexes;

/**
 * One benchmark input: a transaction to run on (a copy of) a pre-state.
 *
 * @param suite the folder the file sits in ({@code main}, {@code micro}, {@code revmc}), to tell
 *     apart benchmarks of the same name
 * @param name the benchmark (the test name in its file)
 * @param input which input ({@code _info.labels[d]} when the file has labels)
 * @param pre the pre-state; never mutated: every run works on a {@link WorldState#copy()}
 * @param json the input as the JSON of a state test ({@code env}, {@code pre}, {@code transaction},
 *     {@code config}; see {@link BenchJson}), for engines that take the fixture's JSON (ethereumjs)
 * @param indexes the transaction of {@code json} this input runs
 */
public record BenchCase(
    String suite, String file, String name, String input, Fork fork, WorldState pre, BlockEnv env, Transaction tx,
    JsonNode json, Indexes indexes) {}
