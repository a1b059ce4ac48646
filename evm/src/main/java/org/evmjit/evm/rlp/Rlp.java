package org.evmjit.evm.rlp;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.evmjit.evm.word.Word;

/**
 * Recursive Length Prefix encoding (Yellow Paper appendix B) on plain byte arrays.
 *
 * <p>Encoders return a fresh array holding one complete item. {@link #decode} accepts only the
 * canonical encoding: the one these encoders produce.
 */
public final class Rlp {
  private static final int STRING_OFFSET = 0x80;
  private static final int LIST_OFFSET = 0xc0;
  /** Payloads shorter than this have their length in the prefix byte; longer ones use long form. */
  private static final int SHORT_LIMIT = 56;
  private static final byte[] EMPTY_STRING = {(byte) 0x80};

  private Rlp() {}

  /** A byte string item. */
  public static byte[] encodeBytes(byte[] value) {
    int length = value.length;
    if (length == 1 && (value[0] & 0xff) < STRING_OFFSET) {
      return new byte[] {value[0]};
    }
    byte[] out = new byte[headerLength(length) + length];
    int at = writeHeader(out, STRING_OFFSET, length);
    System.arraycopy(value, 0, out, at, length);
    return out;
  }

  /** A scalar: the minimal big-endian bytes of {@code unsignedValue} read as unsigned; 0 is 0x80. */
  public static byte[] encodeLong(long unsignedValue) {
    if (unsignedValue == 0) {
      return EMPTY_STRING.clone();
    }
    if (unsignedValue > 0 && unsignedValue < STRING_OFFSET) {
      return new byte[] {(byte) unsignedValue};
    }
    int size = byteLength(unsignedValue);
    byte[] out = new byte[1 + size];
    out[0] = (byte) (STRING_OFFSET + size);
    putBigEndian(out, 1, unsignedValue, size);
    return out;
  }

  /** A 256-bit scalar, minimal bytes. */
  public static byte[] encodeWord(Word value) {
    if ((value.w1() | value.w2() | value.w3()) == 0) {
      return encodeLong(value.w0());
    }
    return encodeBytes(value.toMinimalBytes());
  }

  /** A non-negative scalar of any size, minimal bytes. */
  public static byte[] encodeBigInteger(BigInteger nonNegative) {
    if (nonNegative.signum() < 0) {
      throw new IllegalArgumentException("RLP scalars are non-negative: " + nonNegative);
    }
    if (nonNegative.bitLength() < 64) {
      return encodeLong(nonNegative.longValue());
    }
    byte[] bytes = nonNegative.toByteArray();
    int start = bytes[0] == 0 ? 1 : 0; // drop the sign byte
    return encodeBytes(start == 0 ? bytes : Arrays.copyOfRange(bytes, start, bytes.length));
  }

  /** A list of items that are already RLP-encoded. */
  public static byte[] encodeList(List<byte[]> encodedItems) {
    int payload = 0;
    for (int i = 0, n = encodedItems.size(); i < n; i++) {
      payload = Math.addExact(payload, encodedItems.get(i).length);
    }
    byte[] out = new byte[headerLength(payload) + payload];
    int at = writeHeader(out, LIST_OFFSET, payload);
    for (int i = 0, n = encodedItems.size(); i < n; i++) {
      byte[] item = encodedItems.get(i);
      System.arraycopy(item, 0, out, at, item.length);
      at += item.length;
    }
    return out;
  }

  /** A list of items that are already RLP-encoded. */
  public static byte[] encodeList(byte[]... encodedItems) {
    int payload = 0;
    for (byte[] item : encodedItems) {
      payload = Math.addExact(payload, item.length);
    }
    byte[] out = new byte[headerLength(payload) + payload];
    int at = writeHeader(out, LIST_OFFSET, payload);
    for (byte[] item : encodedItems) {
      System.arraycopy(item, 0, out, at, item.length);
      at += item.length;
    }
    return out;
  }

  /**
   * Decodes exactly one item spanning the whole input; throws {@link RlpException} (with a message
   * saying what and where) on any malformed or non-canonical input.
   */
  public static RlpItem decode(byte[] input) {
    return new Decoder(input).decode();
  }

  private static int headerLength(int payloadLength) {
    return payloadLength < SHORT_LIMIT ? 1 : 1 + byteLength(payloadLength);
  }

  /** Writes the prefix for a payload of {@code length} bytes at the start of out; returns its size. */
  private static int writeHeader(byte[] out, int offset, int length) {
    if (length < SHORT_LIMIT) {
      out[0] = (byte) (offset + length);
      return 1;
    }
    int size = byteLength(length);
    out[0] = (byte) (offset + SHORT_LIMIT - 1 + size);
    putBigEndian(out, 1, length, size);
    return 1 + size;
  }

  /** Number of bytes in the minimal big-endian form of a non-zero unsigned value. */
  private static int byteLength(long unsignedValue) {
    return 8 - Long.numberOfLeadingZeros(unsignedValue) / 8;
  }

  private static void putBigEndian(byte[] out, int at, long value, int size) {
    for (int i = size - 1; i >= 0; i--) {
      out[at + i] = (byte) value;
      value >>>= 8;
    }
  }

  /** An iterative decoder, so deeply nested input cannot overflow the call stack. */
  private static final class Decoder {
    private final byte[] in;
    private int pos;

    /** A list still being read: its items so far and the offset where its payload ends. */
    private record Open(ArrayList<RlpItem> items, int end) {}

    Decoder(byte[] input) {
      this.in = input;
    }

    RlpItem decode() {
      if (in.length == 0) {
        throw new RlpException("empty input: expected one RLP item");
      }
      ArrayDeque<Open> open = new ArrayDeque<>();
      while (true) {
        RlpItem item;
        if (!open.isEmpty() && pos == open.peek().end()) {
          item = new RlpItem.ListItem(open.pop().items());
        } else {
          int limit = open.isEmpty() ? in.length : open.peek().end();
          int start = pos;
          int prefix = in[pos++] & 0xff;
          if (prefix < STRING_OFFSET) {
            item = new RlpItem.Bytes(new byte[] {(byte) prefix});
          } else if (prefix < LIST_OFFSET) {
            int length = payloadLength(start, prefix - STRING_OFFSET, limit, !open.isEmpty(), "string");
            if (length == 1 && (in[pos] & 0xff) < STRING_OFFSET) {
              throw new RlpException(String.format(
                  "at offset %d: non-canonical single byte 0x%02x: it must be encoded as itself",
                  start, in[pos] & 0xff));
            }
            item = new RlpItem.Bytes(Arrays.copyOfRange(in, pos, pos + length));
            pos += length;
          } else {
            int length = payloadLength(start, prefix - LIST_OFFSET, limit, !open.isEmpty(), "list");
            open.push(new Open(new ArrayList<>(), pos + length));
            continue;
          }
        }
        if (open.isEmpty()) {
          if (pos != in.length) {
            throw new RlpException(String.format(
                "at offset %d: %d trailing bytes after the item", pos, in.length - pos));
          }
          return item;
        }
        open.peek().items().add(item);
      }
    }

    /**
     * Reads the payload length that follows a prefix byte (short form {@code code < 56}, else the
     * long form with {@code code - 55} length bytes), leaving {@code pos} at the payload, and checks
     * that the payload fits before {@code limit} (the end of the input or of the enclosing list).
     */
    private int payloadLength(int start, int code, int limit, boolean nested, String kind) {
      long length;
      if (code < SHORT_LIMIT) {
        length = code;
      } else {
        int lengthBytes = code - (SHORT_LIMIT - 1);
        if (lengthBytes > limit - pos) {
          throw new RlpException(String.format(
              "at offset %d: %s length needs %d bytes but only %d remain",
              start, kind, lengthBytes, limit - pos));
        }
        if (in[pos] == 0) {
          throw new RlpException(String.format(
              "at offset %d: %s length has a leading zero byte", start, kind));
        }
        if (lengthBytes > 4) {
          throw new RlpException(String.format(
              "at offset %d: %s length of %d bytes exceeds the input", start, kind, lengthBytes));
        }
        length = 0;
        for (int i = 0; i < lengthBytes; i++) {
          length = (length << 8) | (in[pos++] & 0xff);
        }
        if (length < SHORT_LIMIT) {
          throw new RlpException(String.format(
              "at offset %d: long form used for a %s of length %d (< 56)", start, kind, length));
        }
      }
      if (length > limit - pos) {
        throw new RlpException(String.format(
            "at offset %d: %s of length %d overruns its %s (%d bytes remain)",
            start, kind, length, nested ? "enclosing list" : "input", limit - pos));
      }
      return (int) length;
    }
  }
}
