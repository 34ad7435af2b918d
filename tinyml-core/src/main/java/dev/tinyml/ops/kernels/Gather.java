package dev.tinyml.ops.kernels;

/**
 * Copies elements by a precomputed source index per output element: the kernel of slicing ops whose
 * index pattern depends only on static shapes (STRIDED_SLICE).
 */
public final class Gather {
  private Gather() {}

  /**
   * The source index of every output element of a strided slice.
   *
   * @param shape input shape
   * @param begin normalized first index per axis
   * @param stride step per axis (non-zero)
   * @param count elements taken per axis
   * @return flat input index per flat output element
   */
  public static int[] stridedSliceIndices(int[] shape, int[] begin, int[] stride, int[] count) {
    int[] strides = Shapes.strides(shape);
    int first = 0;
    int[] step = new int[shape.length];
    for (int d = 0; d < shape.length; d++) {
      first += begin[d] * strides[d];
      step[d] = stride[d] * strides[d];
    }
    return Shapes.offsets(count, first, step);
  }

  /** {@code out[i] = in[index[i]]} for arrays of one primitive element type. */
  public static void eval(int[] index, Object in, Object out) {
    ElementCopy.gather(index, in, out);
  }
}
