package org.evmjit.besu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * With Besu's own classes on the class path ({@code -Pbesu}), every declaration in
 * besu-integration/declarations must match them. In the default build the declarations
 * themselves are on the class path and the check is skipped; the checker's own tests run there.
 */
class BesuDeclarationsTest {
  private static final String MARKER = "org.evmjit.besu.declarations.Absent";
  private final Path declarations = Path.of(System.getProperty("evmjit.besu.declarations", "declarations/target/classes"));

  private static boolean declarationsOnClassPath() {
    try {
      Class.forName(MARKER, false, BesuDeclarationsTest.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  @Test
  void everyDeclarationMatchesBesu() {
    Assumptions.assumeFalse(declarationsOnClassPath(),
        "Besu's classes are not on the class path (default build): run ./build -Pbesu to check the declarations");
    assertTrue(Files.isDirectory(declarations), "declarations not built at " + declarations);
    assertEquals(List.of(), DeclarationCheck.mismatches(declarations, getClass().getClassLoader()));
  }

  @Test
  void theCheckerAcceptsIdenticalClasses() {
    Assumptions.assumeTrue(declarationsOnClassPath());
    assertEquals(List.of(), DeclarationCheck.mismatches(declarations, getClass().getClassLoader()));
  }

  @Test
  void theCheckerReportsAWrongKindAMissingMethodAndAMissingClass() {
    Assumptions.assumeTrue(Files.isDirectory(declarations));
    ClassLoader wrong = new ClassLoader(getClass().getClassLoader()) {
      @Override
      protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        return switch (name) {
          case "org.hyperledger.besu.plugin.services.BesuConfiguration" -> Runnable.class; // no getDataPath()
          case "org.hyperledger.besu.evm.Code" -> Runnable.class;                           // an interface, not a class
          case "org.hyperledger.besu.datatypes.Log" -> throw new ClassNotFoundException(name);
          default -> super.loadClass(name, resolve);
        };
      }
    };
    List<String> found = DeclarationCheck.mismatches(declarations, wrong);
    assertTrue(found.contains("org.hyperledger.besu.plugin.services.BesuConfiguration.getDataPath()java.nio.file.Path:"
        + " no such method in Besu"), found::toString);
    assertTrue(found.contains("org.hyperledger.besu.evm.Code: declared as class, Besu has interface"), found::toString);
    assertTrue(found.contains("org.hyperledger.besu.datatypes.Log: no such class in Besu"), found::toString);
    assertEquals(3, found.size(), found::toString);
  }
}
