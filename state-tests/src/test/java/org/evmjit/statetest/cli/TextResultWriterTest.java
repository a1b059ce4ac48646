package org.evmjit.statetest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.evmjit.statetest.runner.EntryResult;
import org.evmjit.statetest.runner.EntryResult.Status;
import org.junit.jupiter.api.Test;

class TextResultWriterTest {
  private static EntryResult r(Status s, String error) {
    return new EntryResult("a.json", "t", "Cancun", 1, 0, 2, s, null, null, 0, "", error, 0);
  }

  @Test
  void failedAndSkippedEntriesAreNamedWithTheirReasonPassesAreNot() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    TextResultWriter writer = new TextResultWriter(out, new ProgressBar(out, false));
    writer.write(r(Status.PASS, null));
    writer.write(r(Status.FAIL, "gas used 5 != 6"));
    writer.write(r(Status.SKIP, "ethereumjs: over the time limit of 60 s"));
    assertEquals("FAIL a.json t Cancun d=1 g=0 v=2: gas used 5 != 6\n"
        + "SKIP a.json t Cancun d=1 g=0 v=2: ethereumjs: over the time limit of 60 s\n",
        bytes.toString(StandardCharsets.UTF_8));
  }
}
