package dev.tinyml.ops.kernels;

/**
 * ARG_MAX and ARG_MIN along one axis with an int32 output, as TFLM: the first index of the extreme
 * value wins, and float comparison is plain {@code >}/{@code <} (a NaN is never chosen after the
 * first element, and a leading NaN is kept).
 */
public final class ArgMinMax {

  private ArgMinMax() {}

  /**
   * A planned op.
   *
   * @param outputShape the input shape without the axis
   * @param outer product of the axes before the axis
   * @param axisSize the axis's extent
   * @param inner product of the axes after it
   */
  public record Plan(int[] outputShape, int outer, int axisSize, int inner) {}

  /** Plans the op; a negative axis counts from the end. */
  public static Plan plan(int[] inputShape, int axis) {
    int a = Shapes.axis(axis, inputShape.length);
    return new Plan(
        Shapes.withoutAxis(inputShape, a),
        Shapes.product(inputShape, 0, a),
        inputShape[a],
        Shapes.product(inputShape, a + 1, inputShape.length));
  }

  /** ARG_MAX ({@code max = true}) or ARG_MIN of a float tensor. */
  public static void eval(Plan p, boolean max, float[] in, int[] out) {
    eval(p, max ? (i, j) -> in[i] > in[j] : (i, j) -> in[i] < in[j], out);
  }

  /** ARG_MAX ({@code max = true}) or ARG_MIN of an int8 tensor (raw values). */
  public static void eval(Plan p, boolean max, byte[] in, int[] out) {
    eval(p, max ? (i, j) -> in[i] > in[j] : (i, j) -> in[i] < in[j], out);
  }

  /** Whether the input element at {@code i} replaces the best so far, at {@code j}. */
  private interface Beats {
    boolean test(int i, int j);
  }

  /**
   * The position along the axis of each first best element: an element replaces the best only when
   * it beats it, so ties and NaNs keep the earlier one.
   */
  private static void eval(Plan p, Beats beats, int[] out) {
    for (int o = 0; o < p.outer(); o++) {
      for (int k = 0; k < p.inner(); k++) {
        int base = o * p.axisSize() * p.inner() + k;
        int best = base;
        int index = 0;
        for (int i = 1; i < p.axisSize(); i++) {
          int at = base + i * p.inner();
          if (beats.test(at, best)) {
            best = at;
            index = i;
          }
        }
        out[o * p.inner() + k] = index;
      }
    }
  }
}
