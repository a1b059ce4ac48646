package org.evmjit.statetest.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.evmjit.statetest.fixture.Hex;
import org.evmjit.statetest.runner.EntryResult;

/**
 * One JSON object per entry, with the fields of Besu evmtool's state-test summary:
 * {@code test, fork, d, g, v, stateRoot, postLogsHash, output, gasUsed, pass, error, time}.
 */
final class JsonResultWriter implements ResultWriter {
  private static final JsonFactory JSON = new JsonFactory();
  private final PrintStream out;

  JsonResultWriter(PrintStream out) {
    this.out = out;
  }

  @Override
  public void write(EntryResult r) {
    out.println(toJson(r));
  }

  static String toJson(EntryResult r) {
    StringWriter sw = new StringWriter(256);
    try (JsonGenerator g = JSON.createGenerator(sw)) {
      g.writeStartObject();
      g.writeStringField("test", r.test());
      g.writeStringField("fork", r.fork());
      g.writeNumberField("d", r.d());
      g.writeNumberField("g", r.g());
      g.writeNumberField("v", r.v());
      g.writeStringField("stateRoot", r.stateRoot());
      g.writeStringField("postLogsHash", r.logsHash());
      g.writeStringField("output", r.output());
      g.writeStringField("gasUsed", Hex.shortHex(r.gasUsed()));
      g.writeBooleanField("pass", r.pass());
      g.writeStringField("error", r.error());
      g.writeNumberField("time", r.timeNs());
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sw.toString();
  }
}
