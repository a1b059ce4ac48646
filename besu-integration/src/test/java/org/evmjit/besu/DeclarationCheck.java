package org.evmjit.besu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Compares evmjit's declarations of Besu (and Tuweni) types with the real classes: for every
 * declared type the same kind (interface, enum, class); for every declared method, constructor
 * and field that is not private, a member of the real type (declared or inherited) with the same
 * name, static-ness and descriptor (parameter and return or field types, by erased name).
 * Private constructors exist only to make declaration classes compile and are not compared.
 */
final class DeclarationCheck {
  private DeclarationCheck() {}

  /** Every mismatch, one line each; empty when every declaration matches. */
  static List<String> mismatches(Path declarations, ClassLoader real) {
    List<String> out = new ArrayList<>();
    try (URLClassLoader declared = new URLClassLoader(new URL[] {declarations.toUri().toURL()},
        ClassLoader.getPlatformClassLoader())) {
      for (String name : classNames(declarations)) {
        Class<?> d = Class.forName(name, false, declared);
        Class<?> r;
        try {
          r = real.loadClass(name);
        } catch (ClassNotFoundException e) {
          out.add(name + ": no such class in Besu");
          continue;
        }
        compare(d, r, out);
      }
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static List<String> classNames(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.toString().endsWith(".class"))
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .filter(n -> !n.startsWith("org/evmjit/"))
          .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
          .sorted().collect(Collectors.toList());
    }
  }

  private static void compare(Class<?> d, Class<?> r, List<String> out) {
    String name = d.getName();
    if (d.isInterface() != r.isInterface() || d.isEnum() != r.isEnum()) {
      out.add(name + ": declared as " + kind(d) + ", Besu has " + kind(r));
      return;
    }
    for (Method m : d.getDeclaredMethods()) {
      if (m.isSynthetic() || Modifier.isPrivate(m.getModifiers()) || (d.isEnum() && isEnumBuiltin(m))) {
        continue;
      }
      if (findMethod(r, m) == null) {
        out.add(name + "." + m.getName() + descriptor(m.getParameterTypes(), m.getReturnType())
            + (Modifier.isStatic(m.getModifiers()) ? " (static)" : "") + ": no such method in Besu");
      }
    }
    for (Constructor<?> c : d.getDeclaredConstructors()) {
      if (Modifier.isPrivate(c.getModifiers()) || c.isSynthetic()) {
        continue;
      }
      boolean found = Arrays.stream(r.getDeclaredConstructors())
          .anyMatch(rc -> names(rc.getParameterTypes()).equals(names(c.getParameterTypes())));
      if (!found) {
        out.add(name + ".<init>" + descriptor(c.getParameterTypes(), void.class) + ": no such constructor in Besu");
      }
    }
    for (Field f : d.getDeclaredFields()) {
      if (f.isSynthetic() || Modifier.isPrivate(f.getModifiers())) {
        continue;
      }
      Field rf = findField(r, f.getName());
      if (rf == null || !rf.getType().getName().equals(f.getType().getName())
          || Modifier.isStatic(rf.getModifiers()) != Modifier.isStatic(f.getModifiers())) {
        out.add(name + "." + f.getName() + " : " + f.getType().getName() + ": "
            + (rf == null ? "no such field in Besu" : "Besu has " + rf));
      }
    }
  }

  private static boolean isEnumBuiltin(Method m) {
    return m.getName().equals("values") || m.getName().equals("valueOf");
  }

  private static Method findMethod(Class<?> r, Method m) {
    for (Class<?> c : hierarchy(r)) {
      for (Method rm : c.getDeclaredMethods()) {
        if (rm.getName().equals(m.getName()) && names(rm.getParameterTypes()).equals(names(m.getParameterTypes()))
            && rm.getReturnType().getName().equals(m.getReturnType().getName())
            && Modifier.isStatic(rm.getModifiers()) == Modifier.isStatic(m.getModifiers())) {
          return rm;
        }
      }
    }
    return null;
  }

  private static Field findField(Class<?> r, String name) {
    for (Class<?> c : hierarchy(r)) {
      for (Field f : c.getDeclaredFields()) {
        if (f.getName().equals(name)) {
          return f;
        }
      }
    }
    return null;
  }

  /** The class, its superclasses and every interface they implement. */
  private static List<Class<?>> hierarchy(Class<?> r) {
    List<Class<?>> all = new ArrayList<>();
    List<Class<?>> todo = new ArrayList<>(List.of(r));
    while (!todo.isEmpty()) {
      Class<?> c = todo.remove(0);
      if (c == null || all.contains(c)) {
        continue;
      }
      all.add(c);
      todo.add(c.getSuperclass());
      todo.addAll(List.of(c.getInterfaces()));
    }
    return all;
  }

  private static List<String> names(Class<?>[] types) {
    return Arrays.stream(types).map(Class::getName).toList();
  }

  private static String descriptor(Class<?>[] params, Class<?> ret) {
    return "(" + String.join(", ", names(params)) + ")" + ret.getName();
  }

  private static String kind(Class<?> c) {
    return c.isInterface() ? "interface" : c.isEnum() ? "enum" : "class";
  }
}
