package org.evmjit.evm.interpreter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * HotSpot never JIT-compiles a method of more than 8000 bytes of bytecode (the default
 * {@code -XX:+DontCompileHugeMethods}), and a Besu plugin cannot change that flag: an interpreter
 * loop over the limit would stay in HotSpot's own bytecode interpreter, many times slower.
 */
class HotMethodSizeTest {
  static final int HUGE_METHOD_LIMIT = 8000;

  @Test
  void engineMethodsStayJitCompilable() throws IOException {
    for (Class<?> c : List.of(Interpreter.class, Instructions.class, MemoryGas.class)) {
      codeLengths(c).forEach((method, length) ->
          assertTrue(length <= HUGE_METHOD_LIMIT, method + " has " + length + " bytes of bytecode"));
    }
  }

  @Test
  void measuresTheInterpreterLoop() throws IOException {
    Map<String, Integer> lengths = codeLengths(Interpreter.class);
    assertTrue(lengths.get("execute") > 500, "the loop was found and measured: " + lengths);
    assertEquals(lengths.size(), lengths.values().stream().filter(l -> l > 0).count());
  }

  /** Method name to bytecode length, read from the class file's Code attributes. */
  static Map<String, Integer> codeLengths(Class<?> c) throws IOException {
    Map<String, Integer> lengths = new LinkedHashMap<>();
    try (InputStream raw = c.getResourceAsStream(c.getSimpleName() + ".class");
        DataInputStream in = new DataInputStream(raw)) {
      in.readInt(); // magic
      in.readInt(); // minor, major
      int poolCount = in.readUnsignedShort();
      String[] utf8 = new String[poolCount];
      for (int i = 1; i < poolCount; i++) {
        int tag = in.readUnsignedByte();
        switch (tag) {
          case 1 -> utf8[i] = in.readUTF();
          case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
          case 5, 6 -> { in.skipBytes(8); i++; }
          case 7, 8, 16, 19, 20 -> in.skipBytes(2);
          case 15 -> in.skipBytes(3);
          default -> throw new IOException("unknown constant pool tag " + tag);
        }
      }
      in.skipBytes(6); // access, this, super
      in.skipBytes(2 * in.readUnsignedShort()); // interfaces
      int fields = in.readUnsignedShort();
      for (int i = 0; i < fields; i++) {
        in.skipBytes(6);
        skipAttributes(in);
      }
      int methods = in.readUnsignedShort();
      for (int i = 0; i < methods; i++) {
        in.skipBytes(2);
        String name = utf8[in.readUnsignedShort()];
        in.skipBytes(2);
        int attributes = in.readUnsignedShort();
        for (int a = 0; a < attributes; a++) {
          String attribute = utf8[in.readUnsignedShort()];
          int length = in.readInt();
          if (attribute.equals("Code")) {
            in.skipBytes(4); // max stack, max locals
            lengths.merge(name, in.readInt(), Math::max);
            in.skipBytes(length - 8);
          } else {
            in.skipBytes(length);
          }
        }
      }
    }
    return lengths;
  }

  private static void skipAttributes(DataInputStream in) throws IOException {
    int count = in.readUnsignedShort();
    for (int a = 0; a < count; a++) {
      in.skipBytes(2);
      in.skipBytes(in.readInt());
    }
  }
}
