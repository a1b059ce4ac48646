package org.evmjit.statetest.ethjs;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One running Node process of the engine: a request is one JSON line on its standard input, the
 * answer one JSON line on its standard output. Standard error is kept (its last lines) to explain
 * a crash. Used by one thread at a time.
 */
final class NodeProcess implements AutoCloseable {
  /** The process did not answer within the time limit; it has been killed. */
  static final class TimedOut extends Exception {
    TimedOut(String message) {
      super(message);
    }
  }

  /** The process ended (or closed its output) without answering. */
  static final class Crashed extends Exception {
    Crashed(String message) {
      super(message);
    }
  }

  private static final String EOF = new String("end of output");
  private static final int STDERR_LINES = 20;

  private final Process process;
  private final BufferedWriter in;
  private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
  private final ArrayDeque<String> stderrTail = new ArrayDeque<>();

  NodeProcess(List<String> command) throws IOException {
    process = new ProcessBuilder(command).start();
    in = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), 1 << 16);
    Thread.ofPlatform().daemon().name("ethereumjs-out-" + process.pid()).start(this::readAnswers);
    Thread.ofPlatform().daemon().name("ethereumjs-err-" + process.pid()).start(this::readErrors);
  }

  long pid() {
    return process.pid();
  }

  /** Sends {@code request} and waits up to {@code timeoutMillis} for its answer. */
  String request(String request, long timeoutMillis) throws TimedOut, Crashed, InterruptedException {
    try {
      in.write(request);
      in.write('\n');
      in.flush();
    } catch (IOException e) {
      throw new Crashed("could not write to the ethereumjs process: " + e.getMessage() + exitDetail());
    }
    String answer = answers.poll(timeoutMillis, TimeUnit.MILLISECONDS);
    if (answer == null) {
      close();
      throw new TimedOut("time limit of " + timeoutMillis + " ms exceeded on ethereumjs");
    }
    if (answer == EOF) {
      throw new Crashed("the ethereumjs process ended without answering" + exitDetail());
    }
    return answer;
  }

  boolean alive() {
    return process.isAlive();
  }

  private String exitDetail() {
    try {
      process.waitFor(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    String status = process.isAlive() ? "" : " (exit status " + process.exitValue() + ")";
    synchronized (stderrTail) {
      return status + (stderrTail.isEmpty() ? "" : ": " + String.join(" | ", stderrTail));
    }
  }

  private void readAnswers() {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        answers.add(line);
      }
    } catch (IOException e) {
      // the process is gone; EOF below says so
    }
    answers.add(EOF);
  }

  private void readErrors() {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        synchronized (stderrTail) {
          if (stderrTail.size() == STDERR_LINES) {
            stderrTail.removeFirst();
          }
          stderrTail.addLast(line);
        }
      }
    } catch (IOException e) {
      // the process is gone
    }
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
