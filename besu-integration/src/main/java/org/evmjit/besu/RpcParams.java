package org.evmjit.besu;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.function.Function;
import org.evmjit.plugin.runtime.ByteSize;
import org.hyperledger.besu.plugin.services.rpc.RpcMethodError;

/** Reads the parameters of an evmjit_* call; a bad one is an invalid-params error naming the method and what it expects. */
final class RpcParams {
  private final String method;
  private final Object[] params;
  private final Function<RpcMethodError, RuntimeException> errors;

  RpcParams(String method, Object[] params, Function<RpcMethodError, RuntimeException> errors) {
    this.method = method;
    this.params = params == null ? new Object[0] : params;
    this.errors = errors;
  }

  /** Exactly {@code n} parameters, else an error saying the expected form. */
  RpcParams expect(int n, String form) {
    if (params.length != n) {
      throw invalid("expects " + form + ", got " + params.length + " parameter(s)");
    }
    return this;
  }

  long nonNegativeLong(int i, String what) {
    Object p = params[i];
    BigInteger v;
    try {
      if (p instanceof Number n && !(p instanceof Double) && !(p instanceof Float)) {
        v = new BigInteger(n.toString());
      } else if (p instanceof String s && s.startsWith("0x")) {
        v = new BigInteger(s.substring(2), 16);
      } else if (p instanceof String s) {
        v = new BigInteger(s.trim());
      } else {
        throw invalid(what + " must be a non-negative integer, got " + describe(p));
      }
    } catch (NumberFormatException e) {
      throw invalid(what + " must be a non-negative integer, got " + describe(p));
    }
    if (v.signum() < 0 || v.bitLength() > 63) {
      throw invalid(what + " must be between 0 and " + Long.MAX_VALUE + ", got " + v);
    }
    return v.longValue();
  }

  /** A size in bytes: a number, or a string such as {@code 64M}. */
  long size(int i, String what) {
    if (params[i] instanceof String s && !s.startsWith("0x")) {
      try {
        return ByteSize.parse(s);
      } catch (IllegalArgumentException e) {
        throw invalid(what + ": " + e.getMessage());
      }
    }
    return nonNegativeLong(i, what);
  }

  boolean bool(int i, String what) {
    Object p = params[i];
    if (p instanceof Boolean b) {
      return b;
    }
    if (p instanceof String s && (s.equals("true") || s.equals("false"))) {
      return Boolean.parseBoolean(s);
    }
    throw invalid(what + " must be true or false, got " + describe(p));
  }

  /** A 32-byte hash as 64 hex digits, with or without 0x. */
  byte[] hash32(int i, String what) {
    if (!(params[i] instanceof String s)) {
      throw invalid(what + " must be a 32-byte hex string, got " + describe(params[i]));
    }
    String hex = s.startsWith("0x") || s.startsWith("0X") ? s.substring(2) : s;
    if (hex.length() != 64) {
      throw invalid(what + " must be 32 bytes (64 hex digits), got " + hex.length() + " digits");
    }
    try {
      return HexFormat.of().parseHex(hex);
    } catch (IllegalArgumentException e) {
      throw invalid(what + " is not hex: " + s);
    }
  }

  RuntimeException invalid(String detail) {
    return errors.apply(new RpcError(RpcError.INVALID_PARAMS, "Invalid params: " + method + " " + detail));
  }

  private static String describe(Object p) {
    return p == null ? "null" : p.getClass().getSimpleName() + " " + p;
  }
}
