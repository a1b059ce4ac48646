package org.evmjit.evm.rlp;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/** One decoded RLP item: a byte string or a list of items. */
public sealed interface RlpItem permits RlpItem.Bytes, RlpItem.ListItem {

  /** This item's bytes; throws {@link RlpException} when it is a list. */
  byte[] asBytes();

  /** This item's elements; throws {@link RlpException} when it is a byte string. */
  List<RlpItem> asList();

  /** A byte string. Equality compares contents. The array is not copied: do not modify it. */
  record Bytes(byte[] value) implements RlpItem {
    public Bytes {
      if (value == null) {
        throw new NullPointerException("value");
      }
    }

    @Override
    public byte[] asBytes() {
      return value;
    }

    @Override
    public List<RlpItem> asList() {
      throw new RlpException("expected a list, found a byte string of length " + value.length);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Bytes b && Arrays.equals(value, b.value);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
      return "0x" + HexFormat.of().formatHex(value);
    }
  }

  /** A list of items (unmodifiable). */
  record ListItem(List<RlpItem> items) implements RlpItem {
    public ListItem {
      items = List.copyOf(items);
    }

    @Override
    public byte[] asBytes() {
      throw new RlpException("expected a byte string, found a list of " + items.size() + " items");
    }

    @Override
    public List<RlpItem> asList() {
      return items;
    }

    @Override
    public String toString() {
      return items.toString();
    }
  }
}
