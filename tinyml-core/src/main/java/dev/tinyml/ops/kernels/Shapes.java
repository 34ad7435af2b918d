package dev.tinyml.ops.kernels;

/** Element counts, row-major strides and axis normalisation for the kernels of this package. */
public final class Shapes {

  private Shapes() {}

  /** The number of elements of a tensor of this shape (1 for a scalar). */
  public static int size(int[] shape) {
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    return n;
  }

  /** The product of {@code shape[from..to)}. */
  public static int product(int[] shape, int from, int to) {
    int n = 1;
    for (int i = from; i < to; i++) {
      n *= shape[i];
    }
    return n;
  }

  /** Row-major strides: {@code strides[i]} is the flat distance between neighbours on axis i. */
  public static int[] strides(int[] shape) {
    int[] s = new int[shape.length];
    int acc = 1;
    for (int i = shape.length - 1; i >= 0; i--) {
      s[i] = acc;
      acc *= shape[i];
    }
    return s;
  }

  /**
   * An axis in {@code [-rank, rank)} made non-negative.
   *
   * @throws IllegalArgumentException naming the axis and rank when it is outside that range
   */
  public static int axis(int axis, int rank) {
    int a = axis < 0 ? axis + rank : axis;
    if (a < 0 || a >= rank) {
      throw new IllegalArgumentException(
          "axis "
              + axis
              + " is outside ["
              + -rank
              + ", "
              + rank
              + ") for a tensor of rank "
              + rank);
    }
    return a;
  }

  /** {@code shape} without its (non-negative) axis {@code axis}. */
  public static int[] withoutAxis(int[] shape, int axis) {
    int[] out = new int[shape.length - 1];
    for (int i = 0, j = 0; i < shape.length; i++) {
      if (i != axis) {
        out[j++] = shape[i];
      }
    }
    return out;
  }

  /**
   * For every position of {@code shape} in row-major order, the flat offset {@code base +
   * sum(pos[d] * step[d])}: the one index walk behind transposes, slices, broadcasts and
   * reductions, which differ only in their steps (0 for an axis that is broadcast or reduced away).
   */
  static int[] offsets(int[] shape, int base, int[] step) {
    int n = size(shape);
    int[] offsets = new int[n];
    int[] pos = new int[shape.length];
    for (int e = 0; e < n; e++) {
      int o = base;
      for (int d = 0; d < shape.length; d++) {
        o += pos[d] * step[d];
      }
      offsets[e] = o;
      next(pos, shape);
    }
    return offsets;
  }

  /**
   * Advances a row-major position over {@code shape} by one element.
   *
   * @return false when the position wrapped around to all zeros
   */
  static boolean next(int[] pos, int[] shape) {
    for (int d = shape.length - 1; d >= 0; d--) {
      if (++pos[d] < shape[d]) {
        return true;
      }
      pos[d] = 0;
    }
    return false;
  }
}
