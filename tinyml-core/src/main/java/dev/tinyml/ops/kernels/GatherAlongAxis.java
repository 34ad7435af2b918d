package dev.tinyml.ops.kernels;

/**
 * GATHER: picks entries of one axis of the input by a tensor of positions, optionally batched over
 * leading axes ({@code batch_dims}); positions are read at eval time.
 */
public final class GatherAlongAxis {

  private GatherAlongAxis() {}

  /**
   * A planned gather.
   *
   * @param outputShape {@code input[:axis] + positions[batchDims:] + input[axis+1:]}
   * @param batches product of the batch axes
   * @param outer product of the input axes between the batch axes and {@code axis}
   * @param axisSize the input's extent on the axis
   * @param inner product of the input axes after the axis
   * @param coords positions per batch
   */
  public record Plan(
      int[] outputShape, int batches, int outer, int axisSize, int inner, int coords) {}

  /**
   * Plans GATHER; negative {@code axis} counts from the input's end, negative {@code batchDims}
   * from the positions' end.
   *
   * @throws IllegalArgumentException when axis and batch dimensions do not fit the shapes
   */
  public static Plan plan(int[] inputShape, int[] positionsShape, int axis, int batchDims) {
    int a = Shapes.axis(axis, inputShape.length);
    int b = batchDims < 0 ? batchDims + positionsShape.length : batchDims;
    if (b < 0 || b > a || b > positionsShape.length || b >= inputShape.length) {
      throw new IllegalArgumentException(
          "batch_dims " + batchDims + " does not fit axis " + a + " and the positions' shape");
    }
    for (int i = 0; i < b; i++) {
      if (inputShape[i] != positionsShape[i]) {
        throw new IllegalArgumentException(
            "batch axis " + i + " differs between input and positions");
      }
    }
    int rank = inputShape.length + positionsShape.length - 1 - b;
    int[] out = new int[rank];
    int k = 0;
    for (int i = 0; i < a; i++) {
      out[k++] = inputShape[i];
    }
    for (int i = b; i < positionsShape.length; i++) {
      out[k++] = positionsShape[i];
    }
    for (int i = a + 1; i < inputShape.length; i++) {
      out[k++] = inputShape[i];
    }
    return new Plan(
        out,
        Shapes.product(inputShape, 0, b),
        Shapes.product(inputShape, b, a),
        inputShape[a],
        Shapes.product(inputShape, a + 1, inputShape.length),
        Shapes.product(positionsShape, b, positionsShape.length));
  }

  /**
   * Gathers {@code in} into {@code out} by {@code positions} (int32).
   *
   * @throws IndexOutOfBoundsException naming a position outside the axis
   */
  public static void eval(Plan p, Object in, int[] positions, Object out) {
    int inner = p.inner();
    for (int batch = 0; batch < p.batches(); batch++) {
      for (int outer = 0; outer < p.outer(); outer++) {
        int base = batch * p.outer() + outer;
        for (int c = 0; c < p.coords(); c++) {
          int from = positions[batch * p.coords() + c];
          if (from < 0 || from >= p.axisSize()) {
            throw new IndexOutOfBoundsException(
                "GATHER position " + from + " is outside the axis of extent " + p.axisSize());
          }
          System.arraycopy(
              in,
              (base * p.axisSize() + from) * inner,
              out,
              (base * p.coords() + c) * inner,
              inner);
        }
      }
    }
  }
}
