package dev.tinyml.ops.kernels;

/**
 * GATHER_ND: each row of the index tensor's last axis addresses one element or slice of the params
 * tensor. Indices are read at eval time; like TFLM, only the flat position is bounds-checked.
 */
public final class GatherNd {

  private GatherNd() {}

  /**
   * A planned gather.
   *
   * @param outputShape {@code indicesShape[:-1] + paramsShape[depth:]}
   * @param depth the number of leading params axes each index row addresses
   * @param slices the number of index rows
   * @param sliceSize elements copied per index row
   * @param axisStride flat params distance per addressed axis
   * @param paramsSize params element count
   */
  public record Plan(
      int[] outputShape, int depth, int slices, int sliceSize, int[] axisStride, int paramsSize) {}

  /**
   * Plans GATHER_ND from the static shapes.
   *
   * @throws IllegalArgumentException when the index depth exceeds the params' rank
   */
  public static Plan plan(int[] paramsShape, int[] indicesShape) {
    if (indicesShape.length < 1) {
      throw new IllegalArgumentException("GATHER_ND indices need rank 1 or more");
    }
    int depth = indicesShape[indicesShape.length - 1];
    if (depth > paramsShape.length) {
      throw new IllegalArgumentException(
          "index depth " + depth + " exceeds the params' rank " + paramsShape.length);
    }
    int[] out = new int[indicesShape.length - 1 + paramsShape.length - depth];
    System.arraycopy(indicesShape, 0, out, 0, indicesShape.length - 1);
    System.arraycopy(paramsShape, depth, out, indicesShape.length - 1, paramsShape.length - depth);
    int[] strides = Shapes.strides(paramsShape);
    return new Plan(
        out,
        depth,
        Shapes.product(indicesShape, 0, indicesShape.length - 1),
        Shapes.product(paramsShape, depth, paramsShape.length),
        java.util.Arrays.copyOf(strides, depth),
        Shapes.size(paramsShape));
  }

  /**
   * Gathers from {@code params} into {@code out} by {@code indices} (int32).
   *
   * @throws IndexOutOfBoundsException naming the index row whose slice leaves the params
   */
  public static void eval(Plan plan, Object params, int[] indices, Object out) {
    for (int i = 0; i < plan.slices(); i++) {
      int from = 0;
      for (int j = 0; j < plan.depth(); j++) {
        from += indices[i * plan.depth() + j] * plan.axisStride()[j];
      }
      if (from < 0 || from + plan.sliceSize() > plan.paramsSize()) {
        throw new IndexOutOfBoundsException(
            "GATHER_ND index row " + i + " addresses data outside the params tensor");
      }
      System.arraycopy(params, from, out, i * plan.sliceSize(), plan.sliceSize());
    }
  }
}
