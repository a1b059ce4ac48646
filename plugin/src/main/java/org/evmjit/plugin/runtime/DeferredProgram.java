package org.evmjit.plugin.runtime;

import org.evmjit.evm.exec.ExecutionEngine;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.frame.Frame;
import org.evmjit.evm.host.Host;
import org.evmjit.evm.interpreter.Interpreter;
import org.evmjit.evm.trace.Tracer;
import org.evmjit.store.Artifact;

/**
 * A preloaded program whose class is defined later, in the background: frames that start before
 * run on the interpreter, so nobody waits for a definition. Defining a hidden class costs the JVM
 * 0.2 to 0.5 ms (parsing and verification), so defining ten thousand stored classes at start
 * would hold the start for seconds; installed this way they are resident at once, and defined
 * hottest first within a few seconds. One volatile read per frame start is the whole cost after.
 */
final class DeferredProgram implements ExecutionEngine {
  private final ExecutionEngine interpreter;
  private final Fork fork;
  /** The stored class; dropped once defined or refused. */
  private volatile Artifact artifact;
  private volatile ExecutionEngine program;

  DeferredProgram(Artifact artifact, Fork fork) {
    this.artifact = artifact;
    this.fork = fork;
    this.interpreter = Interpreter.forFork(fork);
  }

  @Override
  public int execute(Frame frame, Host host, Tracer tracer) {
    ExecutionEngine p = program;
    return (p != null ? p : interpreter).execute(frame, host, tracer);
  }

  Fork fork() {
    return fork;
  }

  /** The stored class, until {@link #defined} or {@link #refused}. */
  Artifact artifact() {
    return artifact;
  }

  boolean isDefined() {
    return program != null;
  }

  void defined(ExecutionEngine engine) {
    program = engine;
    artifact = null;
  }

  /** The JVM refused the class: frames keep running on the interpreter. */
  void refused() {
    artifact = null;
  }
}
