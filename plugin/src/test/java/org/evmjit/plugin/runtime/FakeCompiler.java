package org.evmjit.plugin.runtime;

import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.evmjit.evm.exec.ExecutionEngine;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.frame.Code;
import org.evmjit.evm.frame.Frame;
import org.evmjit.evm.host.Host;
import org.evmjit.evm.interpreter.Interpreter;
import org.evmjit.evm.trace.Tracer;

/**
 * A compiler for tests: "compiles" to the interpreter wrapped in a {@link FakeProgram} (so results
 * stay exact and tests can tell compiled runs apart), with a chosen class size, and optionally
 * blocked on a gate, failing, ineligible or throwing for chosen code.
 */
final class FakeCompiler implements ProgramCompiler {
  /** A "compiled" program: the interpreter, counting its runs. */
  static final class FakeProgram implements ExecutionEngine {
    final Code code;
    final Fork fork;
    final AtomicLong runs = new AtomicLong();

    FakeProgram(Code code, Fork fork) {
      this.code = code;
      this.fork = fork;
    }

    @Override
    public int execute(Frame frame, Host host, Tracer tracer) {
      runs.incrementAndGet();
      return Interpreter.forFork(fork).execute(frame, host, tracer);
    }
  }

  private volatile ToLongFunction<Code> size = c -> 1000;
  private volatile Predicate<Code> ineligible = c -> false;
  private volatile Predicate<Code> failing = c -> false;
  private volatile Predicate<Code> throwing = c -> false;
  private volatile CountDownLatch gate;
  private volatile boolean ignoreInterrupts;
  private volatile boolean storable;
  private volatile long delayNanos;
  final Map<String, AtomicInteger> compiles = new ConcurrentHashMap<>();
  final AtomicInteger started = new AtomicInteger();
  final AtomicInteger finished = new AtomicInteger();
  final AtomicInteger interrupted = new AtomicInteger();
  final AtomicInteger concurrent = new AtomicInteger();
  final AtomicInteger maxConcurrent = new AtomicInteger();
  private final Semaphore startedSignal = new Semaphore(0);

  FakeCompiler size(ToLongFunction<Code> f) {
    size = f;
    return this;
  }

  FakeCompiler ineligible(Predicate<Code> p) {
    ineligible = p;
    return this;
  }

  FakeCompiler failing(Predicate<Code> p) {
    failing = p;
    return this;
  }

  FakeCompiler throwing(Predicate<Code> p) {
    throwing = p;
    return this;
  }

  /** Results carry a (fake) class file of their size, so a runtime with a store persists them. */
  FakeCompiler storable(boolean v) {
    storable = v;
    return this;
  }

  FakeCompiler delay(long nanos) {
    delayNanos = nanos;
    return this;
  }

  /** Every compile waits until {@link #open()} (or an interrupt, unless {@code ignoreInterrupts}). */
  FakeCompiler closed(boolean ignoreInterrupts) {
    this.ignoreInterrupts = ignoreInterrupts;
    startedSignal.drainPermits(); // awaitStarted counts from here
    gate = new CountDownLatch(1);
    return this;
  }

  void open() {
    CountDownLatch g = gate;
    if (g != null) {
      g.countDown();
    }
  }

  /** Waits until {@code n} more compiles have started (since the last call, or {@link #closed}). */
  void awaitStarted(int n) throws InterruptedException {
    if (!startedSignal.tryAcquire(n, 10, java.util.concurrent.TimeUnit.SECONDS)) {
      throw new AssertionError("compiles did not start: " + started.get());
    }
  }

  int compileCount(Code code, Fork fork) {
    AtomicInteger n = compiles.get(key(code, fork));
    return n == null ? 0 : n.get();
  }

  private static String key(Code code, Fork fork) {
    return HexFormat.of().formatHex(code.hash()) + "/" + fork;
  }

  @Override
  public Compilation compile(Code code, Fork fork) {
    compiles.computeIfAbsent(key(code, fork), k -> new AtomicInteger()).incrementAndGet();
    started.incrementAndGet();
    int now = concurrent.incrementAndGet();
    maxConcurrent.accumulateAndGet(now, Math::max);
    startedSignal.release();
    try {
      CountDownLatch g = gate;
      if (g != null) {
        while (true) {
          try {
            g.await();
            break;
          } catch (InterruptedException e) {
            interrupted.incrementAndGet();
            if (!ignoreInterrupts) {
              Thread.currentThread().interrupt();
              return Compilation.failed("interrupted", e);
            }
          }
        }
      }
      long d = delayNanos;
      if (d > 0) {
        java.util.concurrent.locks.LockSupport.parkNanos(d);
      }
      if (throwing.test(code)) {
        throw new IllegalStateException("fake compiler bug");
      }
      if (ineligible.test(code)) {
        return Compilation.ineligible("fake: ineligible");
      }
      if (failing.test(code)) {
        return Compilation.failed("fake: failed", null);
      }
      long bytes = size.applyAsLong(code);
      if (storable) {
        return Compilation.compiled(new FakeProgram(code, fork), "Fake_" + key(code, fork), new byte[(int) bytes]);
      }
      return Compilation.compiled(new FakeProgram(code, fork), bytes);
    } finally {
      concurrent.decrementAndGet();
      finished.incrementAndGet();
    }
  }
}
