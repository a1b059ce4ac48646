package org.evmjit.evm.precompile.bls12381;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * Multi-scalar multiplication sum([k_i] P_i) by Pippenger's bucket method, for any group given
 * by its operations on an accumulator type J: the scalars are cut into windows of c bits; per
 * window, each point is added into the bucket of its digit, and the buckets are summed as
 * sum(d * B_d) with two running sums; the windows are combined by c doublings each.
 */
final class Pippenger {
  /** a + P_index. */
  interface AddPoint<J> {
    J apply(J a, int index);
  }

  private Pippenger() {}

  /** sum([scalars[i]] P_i) for i below scalars.size(); scalars are non-negative. */
  static <J> J sum(
      J infinity,
      UnaryOperator<J> dbl,
      BinaryOperator<J> add,
      AddPoint<J> addPoint,
      List<BigInteger> scalars) {
    int n = scalars.size();
    int bits = 0;
    for (BigInteger s : scalars) {
      bits = Math.max(bits, s.bitLength());
    }
    int c = window(n, bits);
    int windows = (bits + c - 1) / c;
    List<J> buckets = new ArrayList<>((1 << c) - 1);
    J result = infinity;
    for (int w = windows - 1; w >= 0; w--) {
      for (int i = 0; i < c && w < windows - 1; i++) {
        result = dbl.apply(result);
      }
      buckets.clear();
      for (int b = 0; b < (1 << c) - 1; b++) {
        buckets.add(infinity);
      }
      for (int i = 0; i < n; i++) {
        int digit = digit(scalars.get(i), w * c, c);
        if (digit != 0) {
          buckets.set(digit - 1, addPoint.apply(buckets.get(digit - 1), i));
        }
      }
      J running = infinity;
      J windowSum = infinity;
      for (int b = buckets.size() - 1; b >= 0; b--) {
        running = add.apply(running, buckets.get(b));
        windowSum = add.apply(windowSum, running);
      }
      result = add.apply(result, windowSum);
    }
    return result;
  }

  /**
   * The window width c that minimizes the expected group additions over ceil(bits / c) windows:
   * per window, n (1 - 2^-c) bucket additions (a zero digit adds nothing), 2^(c+1) - 3 to sum
   * the 2^c - 1 buckets (the first two are additions to infinity), and one into the result; the
   * doublings do not depend on c. With c = 1 this is the simultaneous double-and-add, which
   * wins for a few points.
   */
  static int window(int n, int bits) {
    int best = 1;
    double bestCost = Double.MAX_VALUE;
    for (int c = 1; c <= 16; c++) {
      double perWindow = n * (1 - Math.scalb(1.0, -c)) + (2 << c) - 3 + 1;
      double cost = ((bits + c - 1) / c) * perWindow;
      if (cost < bestCost) {
        bestCost = cost;
        best = c;
      }
    }
    return best;
  }

  private static int digit(BigInteger s, int from, int width) {
    int d = 0;
    for (int i = width - 1; i >= 0; i--) {
      d = (d << 1) | (s.testBit(from + i) ? 1 : 0);
    }
    return d;
  }
}
