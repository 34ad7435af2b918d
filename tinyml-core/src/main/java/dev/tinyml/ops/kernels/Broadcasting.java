package dev.tinyml.ops.kernels;

/**
 * NumPy-style broadcasting for any number of inputs: the common output shape, and for each input
 * the flat index it reads for every output element. TFLM broadcasts up to 4 or 5 dimensions; any
 * shape it accepts gives the same pairing here.
 */
public final class Broadcasting {

  private Broadcasting() {}

  /**
   * The broadcast shape of all inputs (right-aligned; a dimension of 1 stretches).
   *
   * @throws IllegalArgumentException naming the axis where two extents clash
   */
  public static int[] outputShape(int[]... shapes) {
    int rank = 0;
    for (int[] s : shapes) {
      rank = Math.max(rank, s.length);
    }
    int[] out = new int[rank];
    java.util.Arrays.fill(out, 1);
    for (int[] s : shapes) {
      for (int i = 0; i < s.length; i++) {
        int o = rank - s.length + i;
        if (s[i] == out[o] || s[i] == 1) {
          continue;
        }
        if (out[o] != 1) {
          throw new IllegalArgumentException(
              "shapes cannot be broadcast: extents " + out[o] + " and " + s[i] + " at axis " + o);
        }
        out[o] = s[i];
      }
    }
    return out;
  }

  /**
   * The flat index into an input of {@code inputShape} for every element of {@code outputShape}, or
   * null when the input has the output's element count and layout (no broadcast needed).
   */
  public static int[] indices(int[] outputShape, int[] inputShape) {
    int n = Shapes.size(outputShape);
    if (Shapes.size(inputShape) == n) {
      return null;
    }
    int rank = outputShape.length;
    int[] step = new int[rank];
    int acc = 1;
    for (int i = inputShape.length - 1; i >= 0; i--) {
      int o = rank - inputShape.length + i;
      step[o] = inputShape[i] == 1 ? 0 : acc;
      acc *= inputShape[i];
    }
    return Shapes.offsets(outputShape, 0, step);
  }

  /** Element {@code e}'s index in an input whose {@link #indices} are {@code index}. */
  static int at(int[] index, int e) {
    return index == null ? e : index[e];
  }
}
