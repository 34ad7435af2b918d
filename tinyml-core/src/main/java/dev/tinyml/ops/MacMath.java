package dev.tinyml.ops;

/**
 * Arithmetic for the ops' {@link Op#macs} estimates: element counts and products that treat unknown
 * (non-positive) dimensions as 0 and saturate at {@code Long.MAX_VALUE} instead of overflowing.
 */
final class MacMath {
  private MacMath() {}

  /** Elements of {@code shape}; 0 for an absent (empty) shape. */
  static long count(int[] shape) {
    long n = shape.length == 0 ? 0 : 1;
    for (int d : shape) {
      n = mul(n, d);
    }
    return n;
  }

  /** {@code first} times every factor; 0 when a factor is not positive. */
  static long mul(long first, long... rest) {
    long n = Math.max(first, 0);
    for (long d : rest) {
      if (d <= 0) {
        return 0;
      }
      n = Math.multiplyHigh(n, d) != 0 || n * d < 0 ? Long.MAX_VALUE : n * d;
    }
    return n;
  }

  /** {@code a + b}, saturating. */
  static long add(long a, long b) {
    return b > Long.MAX_VALUE - a ? Long.MAX_VALUE : a + b;
  }

  /** Whether {@code shape} has exactly {@code rank} dimensions. */
  static boolean rank(int[] shape, int rank) {
    return shape.length == rank;
  }
}
