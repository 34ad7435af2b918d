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
    int rank = shape.length;
    int[] strides = new int[rank];
    int total = 1;
    int acc = 1;
    for (int d = rank - 1; d >= 0; d--) {
      strides[d] = acc;
      acc *= shape[d];
      total *= count[d];
    }
    int[] idx = new int[total];
    int[] pos = new int[rank];
    for (int o = 0; o < total; o++) {
      int src = 0;
      for (int d = 0; d < rank; d++) {
        src += (begin[d] + pos[d] * stride[d]) * strides[d];
      }
      idx[o] = src;
      for (int d = rank - 1; d >= 0; d--) {
        if (++pos[d] < count[d]) {
          break;
        }
        pos[d] = 0;
      }
    }
    return idx;
  }

  /** {@code out[i] = in[index[i]]} for arrays of one primitive element type. */
  public static void eval(int[] index, Object in, Object out) {
    if (in instanceof int[] a) {
      int[] b = (int[]) out;
      for (int i = 0; i < index.length; i++) {
        b[i] = a[index[i]];
      }
    } else if (in instanceof float[] a) {
      float[] b = (float[]) out;
      for (int i = 0; i < index.length; i++) {
        b[i] = a[index[i]];
      }
    } else if (in instanceof short[] a) {
      short[] b = (short[]) out;
      for (int i = 0; i < index.length; i++) {
        b[i] = a[index[i]];
      }
    } else if (in instanceof byte[] a) {
      byte[] b = (byte[]) out;
      for (int i = 0; i < index.length; i++) {
        b[i] = a[index[i]];
      }
    } else {
      long[] a = (long[]) in;
      long[] b = (long[]) out;
      for (int i = 0; i < index.length; i++) {
        b[i] = a[index[i]];
      }
    }
  }
}
