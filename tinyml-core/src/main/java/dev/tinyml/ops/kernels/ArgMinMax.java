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
    int[] out = new int[inputShape.length - 1];
    for (int i = 0, k = 0; i < inputShape.length; i++) {
      if (i != a) {
        out[k++] = inputShape[i];
      }
    }
    return new Plan(
        out,
        Shapes.product(inputShape, 0, a),
        inputShape[a],
        Shapes.product(inputShape, a + 1, inputShape.length));
  }

  /** ARG_MAX ({@code max = true}) or ARG_MIN of a float tensor. */
  public static void eval(Plan p, boolean max, float[] in, int[] out) {
    eval(p, max, i -> in[i], out);
  }

  /**
   * ARG_MAX ({@code max = true}) or ARG_MIN of an int8 tensor (raw values; every int8 is exact as a
   * float, so comparing them as floats picks the same index).
   */
  public static void eval(Plan p, boolean max, byte[] in, int[] out) {
    eval(p, max, i -> in[i], out);
  }

  /** One input element, as a float. */
  @FunctionalInterface
  private interface Element {
    float at(int index);
  }

  /** The first index of the extreme along the axis, for every outer and inner position. */
  private static void eval(Plan p, boolean max, Element in, int[] out) {
    for (int o = 0; o < p.outer(); o++) {
      for (int k = 0; k < p.inner(); k++) {
        int base = o * p.axisSize() * p.inner() + k;
        float best = in.at(base);
        int index = 0;
        for (int i = 1; i < p.axisSize(); i++) {
          float v = in.at(base + i * p.inner());
          if (max ? v > best : v < best) {
            best = v;
            index = i;
          }
        }
        out[o * p.inner() + k] = index;
      }
    }
  }
}
