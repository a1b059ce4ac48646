package org.evmjit.statetest.ethjs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import org.evmjit.statetest.bench.BenchCase;
import org.evmjit.statetest.bench.BenchConfig;
import org.evmjit.statetest.bench.BenchEngine;
import org.evmjit.statetest.bench.BenchResult;
import org.evmjit.statetest.runner.EntryEngine.EntrySkipped;

/**
 * ethereumjs as an engine of {@code bench}: each input is one {@code bench} request (its JSON as
 * a state test, its fork, and the warm-up and measurement of {@link BenchConfig}) to the Node
 * process, which times every run itself ({@code process.hrtime.bigint()} around {@code runTx},
 * and around its outermost message for the execution-only time), so the figures leave out the
 * request's transport. An input past the engine's time limit is skipped with that reason.
 */
public final class EthereumJsBench implements BenchEngine {
  private final EthereumJsEngine engine;
  private final BenchConfig config;

  public EthereumJsBench(EthereumJsEngine engine, BenchConfig config) {
    this.engine = engine;
    this.config = config;
  }

  @Override
  public BenchResult run(BenchCase c) {
    JsonNode answer;
    try {
      answer = engine.call(request(c));
    } catch (EntrySkipped e) {
      return notMeasured(c, BenchResult.skippedStatus(e.getMessage()));
    } catch (EthereumJsEngine.EngineError e) {
      return notMeasured(c, "ethereumjs: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return notMeasured(c, "interrupted");
    }
    if (!answer.path("rejection").isNull()) {
      return notMeasured(c, "transaction rejected: " + answer.path("rejection").asText());
    }
    long execNs = answer.path("execNs").isNull() ? -1 : Long.parseLong(answer.path("execNs").asText());
    return new BenchResult(c, EthereumJsEngine.NAME, new BigInteger(answer.path("gasUsed").asText()).longValueExact(),
        Long.parseLong(answer.path("medianNs").asText()), answer.path("runs").asInt(), status(answer), true)
        .withExecMedian(execNs);
  }

  /** The {@code bench} request of {@code c}: fixed run counts where given, else the time boxes. */
  ObjectNode request(BenchCase c) {
    ObjectNode r = engine.stateRequest(c.json(), c.fork().fixtureName(), c.indexes(), false);
    r.put("type", "bench");
    if (config.warmupRuns() != null) {
      r.put("warmup", config.warmupRuns());
    } else {
      r.put("warmupNs", Long.toString(config.warmupNs()));
    }
    if (config.measureRuns() != null) {
      r.put("iterations", config.measureRuns());
    } else {
      r.put("measureNs", Long.toString(config.measureNs()));
      r.put("minRuns", config.minRuns());
      r.put("maxRuns", config.maxRuns());
    }
    return r;
  }

  /** ethereumjs's outcome in BenchRunner's words: ok, reverted, or halted with ethereumjs's reason. */
  private static String status(JsonNode answer) {
    return switch (answer.path("status").asText()) {
      case "success" -> "ok";
      case "revert" -> "reverted";
      default -> "halted: " + answer.path("halt").asText();
    };
  }

  private static BenchResult notMeasured(BenchCase c, String why) {
    return new BenchResult(c, EthereumJsEngine.NAME, 0, 0, 0, why, false);
  }
}
