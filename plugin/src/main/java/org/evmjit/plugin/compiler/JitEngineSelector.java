package org.evmjit.plugin.compiler;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.evmjit.evm.exec.EngineSelector;
import org.evmjit.evm.exec.ExecutionEngine;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.frame.Code;
import org.evmjit.evm.interpreter.Interpreter;

/**
 * Compiles every code the first time it is seen (threshold 0) and caches the engine by code hash
 * and fork; code the compiler declines runs on the interpreter, and is counted. Thread-safe.
 */
public final class JitEngineSelector implements EngineSelector {
  private record Key(byte[] hash, Fork fork) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.fork == fork && Arrays.equals(k.hash, hash);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(hash) * 31 + fork.ordinal();
    }
  }

  /** The last answer, for the code object it was given; immutable, so a plain field publishes it safely. */
  private record Last(Code code, Fork fork, ExecutionEngine engine) {}

  private static final int MAX_EXAMPLES = 10;

  private final EvmCompiler compiler;
  private final ConcurrentHashMap<Key, ExecutionEngine> cache = new ConcurrentHashMap<>();
  private final AtomicLong compiled = new AtomicLong();
  private final AtomicLong interpreted = new AtomicLong();
  private final AtomicLong compileNanos = new AtomicLong();
  private final ConcurrentHashMap<CompileResult.Reason, AtomicLong> declined = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<String> jvmLimitDeclines = new ConcurrentLinkedQueue<>();
  private Last last;

  public JitEngineSelector() {
    this(new EvmCompiler());
  }

  public JitEngineSelector(EvmCompiler compiler) {
    this.compiler = compiler;
  }

  /**
   * The engine cached for the code's hash and fork. The same code object asked again (a frame
   * resuming after a call, the next transaction to the same contract) is answered from
   * {@link #last} without hashing the key: a code object's bytes never change, and the cache
   * never replaces an entry, so the answer for it stays the same.
   */
  @Override
  public ExecutionEngine engineFor(Code code, Fork fork) {
    Last l = last;
    if (l != null && l.code == code && l.fork == fork) {
      return l.engine;
    }
    Key key = new Key(code.hash(), fork);
    ExecutionEngine e = cache.get(key);
    if (e == null) {
      e = cache.computeIfAbsent(key, k -> load(code, fork));
    }
    last = new Last(code, fork, e);
    return e;
  }

  /** The compiled engine for {@code code}, or null when it runs on the interpreter. */
  public CompiledEngine compiledFor(Code code, Fork fork) {
    return engineFor(code, fork) instanceof CompiledEngine c ? c : null;
  }

  private ExecutionEngine load(Code code, Fork fork) {
    CompileResult r = compiler.compile(code.bytes(), fork);
    compileNanos.addAndGet(r.compileNanos());
    if (r instanceof CompileResult.Compiled c) {
      compiled.incrementAndGet();
      return CompiledEngine.load(c);
    }
    interpreted.incrementAndGet();
    CompileResult.Interpret declined = (CompileResult.Interpret) r;
    this.declined.computeIfAbsent(declined.reason(), reason -> new AtomicLong()).incrementAndGet();
    if (declined.reason() == CompileResult.Reason.JVM_LIMITS && jvmLimitDeclines.size() < MAX_EXAMPLES) {
      jvmLimitDeclines.add(HexFormat.of().formatHex(code.hash()) + " (" + code.bytes().length + " bytes, " + fork
          + "): " + declined.detail());
    }
    return Interpreter.forFork(fork);
  }

  /** Codes compiled so far. */
  public long compiledCount() {
    return compiled.get();
  }

  /** Codes the compiler declined (empty, over the size cap, JVM limits), run on the interpreter. */
  public long interpretedCount() {
    return interpreted.get();
  }

  /** Codes the compiler declined for {@code reason}. */
  public long declinedCount(CompileResult.Reason reason) {
    AtomicLong n = declined.get(reason);
    return n == null ? 0 : n.get();
  }

  /** The first {@value #MAX_EXAMPLES} codes declined for JVM limits: hash, size, fork and why. */
  public List<String> jvmLimitDeclines() {
    return List.copyOf(jvmLimitDeclines);
  }

  public long compileNanos() {
    return compileNanos.get();
  }
}
