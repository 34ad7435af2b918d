package dev.tinyml.ops.kernels;

/** EXPAND_DIMS: inserts an axis of extent 1; the data is copied unchanged. */
public final class ExpandDims {

  private ExpandDims() {}

  /**
   * The output shape: {@code axis} in {@code [-rank-1, rank]}, negative counting from the end of
   * the output.
   *
   * @throws IllegalArgumentException naming the axis when it is out of range
   */
  public static int[] outputShape(int[] inputShape, int axis) {
    int rank = inputShape.length + 1;
    int a = Shapes.axis(axis, rank);
    int[] out = new int[rank];
    for (int i = 0, j = 0; i < rank; i++) {
      out[i] = i == a ? 1 : inputShape[j++];
    }
    return out;
  }
}
