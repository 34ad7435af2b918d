package dev.tinyml.ops.kernels;

/** SPLIT (equal parts) and SPLIT_V (given sizes) along one axis. */
public final class Split {

  private Split() {}

  /**
   * A planned split.
   *
   * @param outer product of the dimensions before the axis
   * @param inner product of the dimensions after the axis
   * @param axisSize the input's extent on the axis
   * @param sizes each output's extent on the axis
   * @param outputShapes each output's shape
   */
  public record Plan(int outer, int inner, int axisSize, int[] sizes, int[][] outputShapes) {}

  /**
   * Plans SPLIT into {@code count} equal parts.
   *
   * @throws IllegalArgumentException when the axis does not divide evenly
   */
  public static Plan planEqual(int[] inputShape, int axis, int count) {
    int a = Shapes.axis(axis, inputShape.length);
    if (count <= 0 || inputShape[a] % count != 0) {
      throw new IllegalArgumentException(
          "axis " + a + " of extent " + inputShape[a] + " does not split into " + count + " parts");
    }
    int[] sizes = new int[count];
    java.util.Arrays.fill(sizes, inputShape[a] / count);
    return build(inputShape, a, sizes);
  }

  /**
   * Plans SPLIT_V; at most one size may be -1, meaning what the others leave.
   *
   * @throws IllegalArgumentException when the sizes do not add up to the axis's extent
   */
  public static Plan planSizes(int[] inputShape, int axis, int[] sizes) {
    int a = Shapes.axis(axis, inputShape.length);
    int[] s = sizes.clone();
    int unknown = -1;
    int sum = 0;
    for (int i = 0; i < s.length; i++) {
      if (s[i] == -1) {
        if (unknown >= 0) {
          throw new IllegalArgumentException("SPLIT_V allows only one size of -1");
        }
        unknown = i;
      } else if (s[i] < 0) {
        throw new IllegalArgumentException("split size " + s[i] + " is negative");
      } else {
        sum += s[i];
      }
    }
    if (unknown >= 0) {
      s[unknown] = inputShape[a] - sum;
      sum = inputShape[a];
    }
    if (sum != inputShape[a] || (unknown >= 0 && s[unknown] < 0)) {
      throw new IllegalArgumentException(
          "split sizes " + java.util.Arrays.toString(sizes) + " do not add up to " + inputShape[a]);
    }
    return build(inputShape, a, s);
  }

  private static Plan build(int[] shape, int axis, int[] sizes) {
    int[][] outShapes = new int[sizes.length][];
    for (int k = 0; k < sizes.length; k++) {
      outShapes[k] = shape.clone();
      outShapes[k][axis] = sizes[k];
    }
    return new Plan(
        Shapes.product(shape, 0, axis),
        Shapes.product(shape, axis + 1, shape.length),
        shape[axis],
        sizes,
        outShapes);
  }

  /** Copies each part of {@code in} into {@code outs[k]} (same element type). */
  public static void eval(Plan plan, Object in, Object[] outs) {
    int offset = 0;
    for (int k = 0; k < outs.length; k++) {
      int chunk = plan.sizes()[k] * plan.inner();
      int stride = plan.axisSize() * plan.inner();
      for (int o = 0; o < plan.outer(); o++) {
        System.arraycopy(in, o * stride + offset, outs[k], o * chunk, chunk);
      }
      offset += chunk;
    }
  }
}
