package org.evmjit.statetest.ethjs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.evmjit.evm.trace.Tracer;
import org.evmjit.statetest.fixture.Indexes;
import org.evmjit.statetest.runner.Entry;
import org.evmjit.statetest.runner.EntryEngine;
import org.evmjit.statetest.runner.Outcome;
import org.evmjit.statetest.trace.TraceLines;

/**
 * ethereumjs as an engine: each entry is sent, as the fixture's own JSON pieces ({@code env},
 * {@code pre}, {@code transaction}, {@code config}, the fork name and the entry's indexes), to a
 * long-lived Node process (engines/ethereumjs/engine.js); one process per thread that runs
 * entries, started on first use (and ready, having answered {@code hello}, before an entry's time
 * limit starts). An entry past the time limit is skipped with that reason (its
 * process is killed and a new one started for the next entry); a process that dies fails the
 * entry and is replaced.
 */
public final class EthereumJsEngine implements EntryEngine {
  public static final String NAME = "ethereumjs";
  /** Default time limit of one entry. */
  public static final long DEFAULT_TIME_LIMIT_MS = 60_000;

  /** Time a new process has to start and answer {@code hello} (not counted in an entry's limit). */
  private static final long START_LIMIT_MS = 60_000;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final NodeSetup setup;
  private final long timeLimitMs;
  private final ConcurrentLinkedQueue<NodeProcess> idle = new ConcurrentLinkedQueue<>();
  private final List<NodeProcess> started = new ArrayList<>();
  private final AtomicLong ids = new AtomicLong();

  public EthereumJsEngine(NodeSetup setup, long timeLimitMs) {
    if (!setup.available()) {
      throw new IllegalArgumentException(setup.problem());
    }
    this.setup = setup;
    this.timeLimitMs = timeLimitMs;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Outcome run(Entry entry, Tracer tracer) throws Exception {
    JsonNode test = entry.json().get();
    if (test == null) {
      throw new IllegalStateException("ethereumjs needs the fixture's JSON of " + entry.test().name());
    }
    TraceLines sink = tracer instanceof TraceLines lines ? lines : null;
    JsonNode answer = call(stateRequest(test, entry.post().forkName(), entry.post().indexes(), sink != null));
    if (sink != null && answer.has("trace")) {
      for (JsonNode line : answer.get("trace")) {
        sink.line(line.asText());
      }
    }
    return outcome(answer);
  }

  /** A {@code state} request for the entry {@code indexes} of {@code test} under {@code fork}. */
  public ObjectNode stateRequest(JsonNode test, String fork, Indexes indexes, boolean trace) {
    ObjectNode request = MAPPER.createObjectNode();
    request.put("type", "state");
    request.put("fork", fork);
    ObjectNode idx = request.putObject("indexes");
    idx.put("data", indexes.data());
    idx.put("gas", indexes.gas());
    idx.put("value", indexes.value());
    ObjectNode pieces = request.putObject("test");
    for (String part : List.of("env", "pre", "transaction", "config")) {
      if (test.has(part)) {
        pieces.set(part, test.get(part));
      }
    }
    request.put("trace", trace);
    return request;
  }

  /**
   * Sends {@code request} to a process of this thread's and returns the answer; throws
   * {@link EntrySkipped} past the time limit and {@link EngineError} when the process crashed or
   * refused the request.
   */
  public JsonNode call(ObjectNode request) throws EntrySkipped, InterruptedException {
    long id = ids.incrementAndGet();
    request.put("id", id);
    NodeProcess process = borrow();
    String line;
    try {
      line = process.request(request.toString(), timeLimitMs);
    } catch (NodeProcess.TimedOut e) {
      throw new EntrySkipped(e.getMessage());
    } catch (NodeProcess.Crashed e) {
      process.close();
      throw new EngineError(e.getMessage() + "; a new process serves the next entry");
    }
    idle.add(process);
    JsonNode answer;
    try {
      answer = MAPPER.readTree(line);
    } catch (IOException e) {
      throw new EngineError("ethereumjs answered with something that is not JSON: " + abbreviate(line));
    }
    if (answer.hasNonNull("error")) {
      throw new EngineError(answer.get("error").asText());
    }
    if (answer.path("id").asLong() != id) {
      throw new EngineError("ethereumjs answered request " + answer.path("id") + ", expected " + id);
    }
    return answer;
  }

  /** The engine failed on an entry (crashed, refused a request): the entry fails with this message. */
  public static final class EngineError extends RuntimeException {
    public EngineError(String message) {
      super(message);
    }
  }

  private NodeProcess borrow() throws InterruptedException {
    NodeProcess p;
    while ((p = idle.poll()) != null) {
      if (p.alive()) {
        return p;
      }
    }
    try {
      p = new NodeProcess(setup.command());
    } catch (IOException e) {
      throw new EngineError("could not start " + setup.command() + ": " + e.getMessage());
    }
    synchronized (started) {
      started.add(p);
    }
    try {
      p.request("{\"type\":\"hello\"}", START_LIMIT_MS);
    } catch (NodeProcess.TimedOut | NodeProcess.Crashed e) {
      p.close();
      throw new EngineError("the ethereumjs process did not start: " + e.getMessage());
    }
    return p;
  }

  /** The outcome an answer to a {@code state} request reports. */
  public static Outcome outcome(JsonNode a) {
    return new Outcome(
        a.path("rejection").isNull() ? null : a.path("rejection").asText(),
        a.path("status").isNull() ? null : a.path("status").asText(),
        new BigInteger(a.path("gasUsed").asText("0")).longValueExact(),
        a.path("output").asText(""),
        a.path("logsHash").asText(),
        a.path("stateRoot").asText(),
        Long.parseLong(a.path("timeNs").asText("0")));
  }

  private static String abbreviate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "...";
  }

  /** Ends every process this engine started. */
  @Override
  public void close() {
    synchronized (started) {
      started.forEach(NodeProcess::close);
      started.clear();
    }
    idle.clear();
  }
}
