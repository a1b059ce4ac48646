package org.evmjit.besu.fake;

import java.lang.reflect.Field;
import sun.misc.Unsafe;

/**
 * Instances of declared Besu classes without running their constructors (which, in the
 * declarations, throw): for tests of code that only stores, compares and swaps references.
 */
public final class Instances {
  private static final Unsafe UNSAFE = unsafe();

  private Instances() {}

  public static <T> T allocate(Class<T> type) {
    try {
      return type.cast(UNSAFE.allocateInstance(type));
    } catch (InstantiationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Unsafe unsafe() {
    try {
      Field f = Unsafe.class.getDeclaredField("theUnsafe");
      f.setAccessible(true);
      return (Unsafe) f.get(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
