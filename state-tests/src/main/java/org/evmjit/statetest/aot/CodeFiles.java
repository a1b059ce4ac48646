package org.evmjit.statetest.aot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.evmjit.statetest.FileTree;
import org.evmjit.evm.crypto.Keccak;
import org.evmjit.statetest.fixture.FixtureException;
import org.evmjit.statetest.fixture.PreAccount;
import org.evmjit.statetest.fixture.StateTest;
import org.evmjit.statetest.fixture.StateTestLoader;

/**
 * The inputs of {@code evmjit aot} and the contract code in each:
 * <ul>
 *   <li>{@code *.json}: state-test fixtures and benchmark files (both formats
 *       {@link StateTestLoader} reads): the code of every {@code pre} account;
 *   <li>{@code *.hex}: hex text, with or without {@code 0x}, whitespace ignored;
 *   <li>{@code *.bin}: hex text as {@code solc --bin} writes it, else raw bytecode.
 * </ul>
 * Directories are searched recursively for those three. Thread-safe.
 */
public final class CodeFiles {
  private static final Set<String> EXTENSIONS = Set.of("json", "hex", "bin");

  private final StateTestLoader loader = new StateTestLoader();

  /**
   * Files as given, and the inputs under directories (recursively, following links, sorted); each once.
   *
   * @throws NoSuchFileException for a path that does not exist
   */
  public static List<Path> expand(List<Path> paths) throws IOException {
    Set<Path> files = new LinkedHashSet<>();
    for (Path p : paths) {
      if (!Files.exists(p)) {
        throw new NoSuchFileException(p.toString(), null, "no such file or directory");
      }
      if (Files.isDirectory(p)) {
        FileTree.files(p).stream().filter(f -> EXTENSIONS.contains(extension(f))).sorted().forEach(files::add);
      } else {
        files.add(p);
      }
    }
    return List.copyOf(files);
  }

  /**
   * The contract code in {@code file}.
   *
   * @throws FixtureException naming the file (and for JSON the test and field) when it cannot be read
   */
  public List<ContractCode> read(Path file) {
    String name = file.toString();
    return switch (extension(file)) {
      case "json" -> fromFixture(file, name);
      case "hex" -> List.of(code(hexText(bytes(file), name), name));
      case "bin" -> List.of(code(binary(bytes(file), name), name));
      default -> throw new FixtureException(name + ": not an input of aot (expected .json, .hex or .bin)");
    };
  }

  private List<ContractCode> fromFixture(Path file, String name) {
    List<ContractCode> codes = new ArrayList<>();
    for (StateTest test : loader.load(file, name)) {
      for (PreAccount account : test.pre()) {
        codes.add(code(account.code(), name + ": " + test.name() + ": pre." + account.address() + ".code"));
      }
    }
    return codes;
  }

  private static ContractCode code(byte[] code, String origin) {
    return new ContractCode(code, Keccak.hash(code), origin);
  }

  private static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new FixtureException(file + ": cannot read: " + e, e);
    }
  }

  /** Hex text, or raw bytecode when the file is not hex text. */
  private static byte[] binary(byte[] content, String name) {
    String text = new String(content, StandardCharsets.ISO_8859_1);
    return looksLikeHex(text) ? hexText(content, name) : content;
  }

  private static boolean looksLikeHex(String text) {
    String t = text.strip();
    return !t.isEmpty() && (t.startsWith("0x") ? t.substring(2) : t).chars()
        .allMatch(c -> Character.digit(c, 16) >= 0 || Character.isWhitespace(c));
  }

  static byte[] hexText(byte[] content, String name) {
    String text = new String(content, StandardCharsets.ISO_8859_1).strip();
    if (text.startsWith("0x") || text.startsWith("0X")) {
      text = text.substring(2);
    }
    StringBuilder digits = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        continue;
      }
      if (Character.digit(c, 16) < 0) {
        throw new FixtureException(name + ": bad hex: '" + c + "' at character " + i + " of the code");
      }
      digits.append(c);
    }
    if (digits.length() % 2 != 0) {
      throw new FixtureException(name + ": bad hex: odd number of digits (" + digits.length() + ")");
    }
    return java.util.HexFormat.of().parseHex(digits);
  }

  private static String extension(Path p) {
    String n = p.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
