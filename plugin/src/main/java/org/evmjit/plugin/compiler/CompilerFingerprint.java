package org.evmjit.plugin.compiler;

import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.UUID;
import org.evmjit.evm.fork.Fork;

/**
 * Names the exact compiler that made a class, so a stored class is used only by the compiler
 * that would have generated it: {@code v<VERSION>-cf<class-file version>-<digest>}, for example
 * {@code v1-cf65-3fa9c2d1e0b4}.
 *
 * <p>{@link EvmCompiler#VERSION} alone is not enough: it is bumped by hand, and generated code
 * calls the evm module's methods ({@code Instructions}, {@code Uint256}, {@code Frame}), whose
 * behaviour a stored class silently inherits. So the fingerprint also carries a SHA-256 digest
 * (first 6 bytes) of every class file of {@code org.evmjit.plugin.compiler} (and its
 * sub-packages: analysis, codegen, the runtime helpers) and of {@code org.evmjit.evm}, as loaded:
 * any change to the compiler or to the code it calls, even a rebuild with another javac that
 * emits other bytes, makes a new fingerprint and old artifacts are simply not found. Computed
 * once per JVM (reading a few hundred class files takes some tens of milliseconds).
 *
 * <p>When the classes were not loaded from a directory or jar (an exotic class loader), nothing
 * can be digested; the fingerprint then ends in {@code unverified-} and a random id, so artifacts
 * are shared within this JVM only and never trusted across runs.
 */
public final class CompilerFingerprint {
  static final String COMPILER_PACKAGE = "org/evmjit/plugin/compiler/";
  static final String EVM_PACKAGE = "org/evmjit/evm/";
  private static final int DIGEST_BYTES = 6;

  private CompilerFingerprint() {}

  private static final class Holder {
    static final String VALUE = compute();
  }

  /** This JVM's compiler fingerprint (computed on first use). */
  public static String get() {
    return Holder.VALUE;
  }

  private static String compute() {
    String prefix = "v" + EvmCompiler.VERSION + "-cf" + EvmCompiler.CLASS_FILE_VERSION + "-";
    try {
      byte[] digest = new ClassFileDigest()
          .add(EvmCompiler.class, COMPILER_PACKAGE)
          .add(Fork.class, EVM_PACKAGE)
          .sha256();
      return prefix + HexFormat.of().formatHex(digest, 0, DIGEST_BYTES);
    } catch (IllegalStateException | UncheckedIOException e) {
      System.getLogger(CompilerFingerprint.class.getName()).log(System.Logger.Level.WARNING,
          "cannot digest the compiler's classes; stored artifacts are valid in this JVM only: " + e.getMessage());
      return prefix + "unverified-" + UUID.randomUUID().toString().substring(0, 8);
    }
  }
}
