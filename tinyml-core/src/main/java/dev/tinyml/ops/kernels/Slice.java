package dev.tinyml.ops.kernels;

/** SLICE: a box of {@code size} elements per axis starting at {@code begin}. */
public final class Slice {

  private Slice() {}

  /**
   * A planned slice.
   *
   * @param outputShape the box's extent per axis
   * @param source flat input index of every flat output element
   */
  public record Plan(int[] outputShape, int[] source) {}

  /**
   * Plans a slice; a size of -1 takes every element from {@code begin} to the end of the axis.
   *
   * @throws IllegalArgumentException naming the axis whose box leaves the input
   */
  public static Plan plan(int[] inputShape, int[] begin, int[] size) {
    int rank = inputShape.length;
    if (begin.length != rank || size.length != rank) {
      throw new IllegalArgumentException(
          "begin and size need " + rank + " entries, one per input axis");
    }
    int[] outShape = new int[rank];
    for (int d = 0; d < rank; d++) {
      int extent = size[d] == -1 ? inputShape[d] - begin[d] : size[d];
      if (begin[d] < 0 || extent < 0 || begin[d] + extent > inputShape[d]) {
        throw new IllegalArgumentException(
            "slice of axis "
                + d
                + " (begin "
                + begin[d]
                + ", size "
                + size[d]
                + ") leaves the input's extent "
                + inputShape[d]);
      }
      outShape[d] = extent;
    }
    int[] strides = Shapes.strides(inputShape);
    int first = 0;
    for (int d = 0; d < rank; d++) {
      first += begin[d] * strides[d];
    }
    return new Plan(outShape, Shapes.offsets(outShape, first, strides));
  }

  /** Copies the planned box of {@code in} into {@code out}. */
  public static void eval(Plan plan, Object in, Object out) {
    ElementCopy.gather(plan.source(), in, out);
  }
}
