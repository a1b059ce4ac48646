package org.evmjit.plugin.compiler;

import java.util.HexFormat;
import java.util.Map;
import org.evmjit.evm.crypto.Keccak;
import org.evmjit.evm.fork.Fork;
import org.evmjit.plugin.compiler.analysis.BlockAnalysis;
import org.evmjit.plugin.compiler.codegen.ClassEmitter;
import org.evmjit.plugin.compiler.codegen.ClassFileSizes;
import org.evmjit.plugin.compiler.runtime.HiddenClassLoader;
import org.objectweb.asm.ClassTooLargeException;
import org.objectweb.asm.MethodTooLargeException;

/**
 * Compiles EVM bytecode for one fork to a JVM class: {@link #compile} gives deterministic class
 * bytes (or a reason to interpret), {@link CompiledEngine#load} turns them into an engine.
 *
 * <p>Pipeline: {@link BlockAnalysis} (blocks, jump destinations, per-block gas and stack
 * bounds), then {@link ClassEmitter} (chunks of blocks as methods, values in locals, constant
 * folding and static jumps), then a check of every method against {@link JvmLimits}.
 */
public final class EvmCompiler {
  /** Part of every class's identity: bump when generated code changes for the same input. */
  public static final String VERSION = "4";
  /** The class-file version of the generated classes (part of {@link CompilerFingerprint}). */
  public static final int CLASS_FILE_VERSION = ClassEmitter.CLASS_FILE_VERSION;
  /** Largest code compiled (twice EIP-3860's initcode limit); larger runs on the interpreter. */
  public static final int MAX_CODE_SIZE = 2 * 49152;
  /** The smallest chunk budget tried when a chunk method came out over HotSpot's limit. */
  private static final int MIN_CHUNK_BUDGET = ClassEmitter.CHUNK_BUDGET / 8;

  /**
   * @param registerValues keep stack values in JVM locals within blocks (off: every value goes
   *     through the stack array; the reference mode)
   * @param policy what to do when generated code does not fit the JVM's limits
   */
  public record Options(boolean registerValues, UncompilablePolicy policy) {
    public static final Options DEFAULT = new Options(true, UncompilablePolicy.INTERPRET);
  }

  private final Options options;

  public EvmCompiler() {
    this(Options.DEFAULT);
  }

  public EvmCompiler(Options options) {
    this.options = options;
  }

  public Options options() {
    return options;
  }

  public CompileResult compile(byte[] code, Fork fork) {
    long start = System.nanoTime();
    if (code.length == 0) {
      return new CompileResult.Interpret(CompileResult.Reason.EMPTY_CODE, null, System.nanoTime() - start);
    }
    if (code.length > MAX_CODE_SIZE) {
      return new CompileResult.Interpret(CompileResult.Reason.OVER_SIZE_CAP,
          code.length + " bytes > " + MAX_CODE_SIZE, System.nanoTime() - start);
    }
    String name = className(code, fork);
    try {
      BlockAnalysis analysis;
      ClassEmitter.Output out;
      int maxBlock = BlockAnalysis.MAX_BLOCK_INSTRUCTIONS;
      int chunkBudget = ClassEmitter.CHUNK_BUDGET;
      while (true) {
        analysis = BlockAnalysis.analyze(code, fork, maxBlock);
        try {
          out = new ClassEmitter(name, code, fork, analysis, options.registerValues(), chunkBudget).emit();
        } catch (ClassEmitter.BlockTooLargeException e) {
          if (maxBlock <= 4) {
            return uncompilable(start, e.getMessage(), e);
          }
          maxBlock /= 2; // shorter straight-line runs: smaller blocks, each still checked at entry
          continue;
        }
        String huge = hugeMethod(out.classBytes());
        if (huge == null) {
          break;
        }
        // the chunk's size estimate fell short (it happens with many entries or halts in one chunk)
        if (chunkBudget <= MIN_CHUNK_BUDGET) {
          return uncompilable(start, huge, null);
        }
        chunkBudget /= 2;
      }
      int largest = ClassFileSizes.codeLengths(out.classBytes()).values().stream().mapToInt(Integer::intValue).max()
          .orElse(0);
      return new CompileResult.Compiled(name.replace('/', '.'), out.classBytes(), fork,
          System.nanoTime() - start, analysis.blocks().size(), out.chunks(), largest);
    } catch (MethodTooLargeException | ClassTooLargeException e) {
      return uncompilable(start, e.getMessage(), e);
    }
  }

  /** The first method of {@code classBytes} over HotSpot's huge-method limit, described; null when none. */
  private static String hugeMethod(byte[] classBytes) {
    for (Map.Entry<String, Integer> m : ClassFileSizes.codeLengths(classBytes).entrySet()) {
      if (m.getValue() > JvmLimits.HUGE_METHOD_LIMIT) {
        return "method " + m.getKey() + " has " + m.getValue() + " bytes of bytecode > " + JvmLimits.HUGE_METHOD_LIMIT;
      }
    }
    return null;
  }

  private CompileResult uncompilable(long start, String detail, Throwable cause) {
    if (options.policy() == UncompilablePolicy.FAIL) {
      throw new CompilationException(detail, cause);
    }
    return new CompileResult.Interpret(CompileResult.Reason.JVM_LIMITS, detail, System.nanoTime() - start);
  }

  /**
   * The generated class's internal name: from the code hash, fork and options, so equal inputs
   * give equal bytes.
   */
  static String className(byte[] code, Fork fork) {
    String hash = HexFormat.of().formatHex(Keccak.hash(code), 0, 12);
    return HiddenClassLoader.PACKAGE + "Evm_" + hash + "_" + fork.name() + "_v" + VERSION;
  }
}
