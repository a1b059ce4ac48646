package org.evmjit.statetest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.evmjit.statetest.ethjs.NodeSetup;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** {@code --engine A,B[,C]} and {@code --trace-diff A,B} on the bundled examples. */
class EngineListCliTest {
  private static final String EXAMPLES = Path.of("src/main/resources/org/evmjit/statetest/examples").toString();

  private static void needNode() {
    NodeSetup setup = NodeSetup.find();
    Assumptions.assumeTrue(setup.available(), setup::problem);
  }

  @Test
  void threeEnginesAgreeWithEachOtherAndTheFixtures() {
    needNode();
    CliRun r = CliRun.of("state-test", "--engine", "ethereumjs,interpreter,jit", "--workers", "2", EXAMPLES);
    assertEquals(0, r.status(), r::toString);
    assertTrue(r.lastLine().matches("[1-9][0-9]* passed, 0 failed, 0 skipped"), r::toString);
  }

  @Test
  void traceDiffFindsNoDifferenceOnTheExamples() {
    needNode();
    CliRun r = CliRun.of("state-test", "--trace-diff", "interpreter,ethereumjs", EXAMPLES);
    assertEquals(0, r.status(), r::toString);
    assertTrue(r.lastLine().matches("[1-9][0-9]* passed, 0 failed, 0 skipped"), r::toString);
  }

  @Test
  void badEngineListsAreUsageErrorsNamingTheProblem() {
    CliRun unknown = CliRun.of("state-test", "--engine", "interpreter,nosuch", EXAMPLES);
    assertEquals(2, unknown.status());
    assertTrue(unknown.err().contains("unknown engine 'nosuch'; known: interpreter, jit, both, runtime, ethereumjs"),
        unknown::toString);
    CliRun twice = CliRun.of("state-test", "--engine", "both,jit", EXAMPLES);
    assertEquals(2, twice.status());
    assertTrue(twice.err().contains("engine 'jit' named twice in --engine"), twice::toString);
    CliRun three = CliRun.of("state-test", "--trace-diff", "interpreter,jit,ethereumjs", EXAMPLES);
    assertEquals(2, three.status());
    assertTrue(three.err().contains("--trace-diff takes two engines, not 3"), three::toString);
  }
}
