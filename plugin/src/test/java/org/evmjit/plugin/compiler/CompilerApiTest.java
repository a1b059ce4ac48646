package org.evmjit.plugin.compiler;

import static org.evmjit.evm.opcode.Opcodes.*;
import static org.evmjit.evm.testing.Bytecode.code;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.Random;
import org.evmjit.evm.fork.Fork;
import org.evmjit.evm.frame.Code;
import org.evmjit.evm.interpreter.Interpreter;
import org.evmjit.evm.testing.Bytecode;
import org.evmjit.evm.testing.EvmHarness;
import org.evmjit.evm.tx.ExecutionStatus;
import org.junit.jupiter.api.Test;

/** The public API: results, determinism, caching, fallback reasons, hidden-class loading. */
class CompilerApiTest {
  private final EvmCompiler compiler = new EvmCompiler();

  @Test
  void emptyAndOversizedCodeRunOnTheInterpreterWithAReason() {
    CompileResult empty = compiler.compile(new byte[0], Fork.CANCUN);
    assertEquals(CompileResult.Reason.EMPTY_CODE, assertInstanceOf(CompileResult.Interpret.class, empty).reason());
    CompileResult big = compiler.compile(new byte[EvmCompiler.MAX_CODE_SIZE + 1], Fork.CANCUN);
    assertEquals(CompileResult.Reason.OVER_SIZE_CAP, assertInstanceOf(CompileResult.Interpret.class, big).reason());
    JitEngineSelector selector = new JitEngineSelector();
    assertSame(Interpreter.forFork(Fork.CANCUN), selector.engineFor(Code.EMPTY, Fork.CANCUN));
    assertEquals(1, selector.interpretedCount());
  }

  @Test
  void classBytesAreDeterministic() {
    Random rnd = new Random(1);
    for (int i = 0; i < 20; i++) {
      byte[] code = new byte[1 + rnd.nextInt(2000)];
      rnd.nextBytes(code);
      for (Fork fork : new Fork[] {Fork.CANCUN, Fork.BERLIN}) {
        var a = assertInstanceOf(CompileResult.Compiled.class, new EvmCompiler().compile(code, fork));
        var b = assertInstanceOf(CompileResult.Compiled.class, new EvmCompiler().compile(code.clone(), fork));
        assertArrayEquals(a.classBytes(), b.classBytes());
        assertEquals(a.className(), b.className());
      }
    }
    byte[] code = code().push(1).push(2).op(ADD).returnTop().bytes();
    var cancun = (CompileResult.Compiled) compiler.compile(code, Fork.CANCUN);
    var berlin = (CompileResult.Compiled) compiler.compile(code, Fork.BERLIN);
    assertNotEquals(cancun.className(), berlin.className());
    assertTrue(cancun.className().contains("CANCUN"));
  }

  @Test
  void selectorCompilesOnFirstSightAndCaches() {
    JitEngineSelector selector = new JitEngineSelector();
    Bytecode c = code().push(1).push(2).op(ADD).returnTop();
    EvmHarness h = new EvmHarness(Fork.CANCUN, selector);
    assertEquals(ExecutionStatus.SUCCESS, h.run(c).status());
    assertEquals(1, selector.compiledCount());
    Code same = new Code(c.bytes());
    assertInstanceOf(CompiledEngine.class, selector.engineFor(same, Fork.CANCUN));
    assertSame(selector.engineFor(same, Fork.CANCUN), selector.engineFor(new Code(c.bytes()), Fork.CANCUN));
    assertEquals(1, selector.compiledCount());
    selector.engineFor(same, Fork.SHANGHAI);
    assertEquals(2, selector.compiledCount());
  }

  @Test
  void hiddenClassesCanBeUnloaded() throws InterruptedException {
    WeakReference<Class<?>> generated = loadAndDrop(code().push(7).returnTop());
    for (int i = 0; i < 50 && generated.get() != null; i++) {
      System.gc();
      Thread.sleep(10);
    }
    assertEquals(null, generated.get(), "the hidden class is unloaded once its engine is unreferenced");
  }

  /** Loads {@code code} as an engine, runs it, and returns a weak reference to its hidden class only. */
  private WeakReference<Class<?>> loadAndDrop(Bytecode code) {
    CompiledEngine engine = CompiledEngine.load((CompileResult.Compiled) compiler.compile(code.bytes(), Fork.CANCUN));
    Class<?> generated = engine.generatedClass();
    assertTrue(generated.isHidden(), generated.getName());
    assertEquals(ExecutionStatus.SUCCESS, new EvmHarness(Fork.CANCUN, (c, f) -> engine).run(code).status());
    return new WeakReference<>(generated);
  }

  @Test
  void compileStatsAreReported() {
    byte[] code = code().push(1).push(2).op(ADD).returnTop().bytes();
    var c = (CompileResult.Compiled) compiler.compile(code, Fork.CANCUN);
    assertTrue(c.classSize() > 100);
    assertTrue(c.compileNanos() > 0);
    assertEquals(1, c.methods());
    assertTrue(c.largestMethod() <= JvmLimits.HUGE_METHOD_LIMIT);
  }
}
