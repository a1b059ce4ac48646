package org.evmjit.statetest.runner;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Supplier;
import org.evmjit.evm.fork.Fork;
import org.evmjit.statetest.fixture.PostEntry;
import org.evmjit.statetest.fixture.StateTest;

/**
 * One post entry to run: the parsed test, the entry, its fork, and the test's own JSON object as
 * the fixture wrote it (read only by engines that take the fixture's JSON, such as ethereumjs).
 */
public record Entry(StateTest test, PostEntry post, Fork fork, Supplier<JsonNode> json) {}
