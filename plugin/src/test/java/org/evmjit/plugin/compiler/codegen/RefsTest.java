package org.evmjit.plugin.compiler.codegen;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every {@link Refs} constant resolves: loading the class resolves them all by reflection, so a
 * renamed or re-typed runtime method fails here rather than when a generated class is verified.
 */
class RefsTest {
  @Test
  void everyRefResolves() throws Exception {
    List<Field> refs = Stream.of(Refs.class.getDeclaredFields())
        .filter(f -> f.getType() == Ref.class && Modifier.isStatic(f.getModifiers())).toList();
    assertFalse(refs.isEmpty());
    for (Field f : refs) {
      f.setAccessible(true);
      Ref r = (Ref) f.get(null); // the first access runs Refs' initializer, which resolves every one
      assertNotNull(r, f.getName());
      assertTrue(!r.owner().isEmpty() && !r.name().isEmpty() && !r.descriptor().isEmpty(), f.getName() + ": " + r);
    }
  }
}
