package dev.tinyml.ops.kernels;

/**
 * NumPy-style broadcasting of two shapes to an output shape: for every output element, the flat
 * index of each input element it reads. Computed once at prepare time.
 *
 * @param size output element count
 * @param index1 input-1 flat index per output element (null when shapes are equal)
 * @param index2 input-2 flat index per output element (null when shapes are equal)
 */
public record Broadcast(int size, int[] index1, int[] index2) {

  /** True when both inputs have the output's shape and elements pair up one to one. */
  public boolean elementwise() {
    return index1 == null;
  }

  /**
   * Resolves the broadcast of {@code shape1} and {@code shape2} (right-aligned; a dimension of 1
   * stretches).
   *
   * @throws IllegalArgumentException when the shapes are not broadcast-compatible
   */
  public static Broadcast of(int[] shape1, int[] shape2) {
    int rank = Math.max(shape1.length, shape2.length);
    int[] out = new int[rank];
    int[] d1 = new int[rank];
    int[] d2 = new int[rank];
    for (int i = 0; i < rank; i++) {
      int a = i - (rank - shape1.length);
      int b = i - (rank - shape2.length);
      d1[i] = a >= 0 ? shape1[a] : 1;
      d2[i] = b >= 0 ? shape2[b] : 1;
      if (d1[i] != d2[i] && d1[i] != 1 && d2[i] != 1) {
        throw new IllegalArgumentException(
            "shapes "
                + java.util.Arrays.toString(shape1)
                + " and "
                + java.util.Arrays.toString(shape2)
                + " do not broadcast");
      }
      out[i] = Math.max(d1[i], d2[i]);
    }
    int size = 1;
    for (int d : out) {
      size *= d;
    }
    if (java.util.Arrays.equals(d1, d2)) {
      return new Broadcast(size, null, null);
    }
    int[] s1 = strides(d1);
    int[] s2 = strides(d2);
    int[] i1 = new int[size];
    int[] i2 = new int[size];
    int[] pos = new int[rank];
    for (int e = 0; e < size; e++) {
      int a = 0;
      int b = 0;
      for (int k = 0; k < rank; k++) {
        a += d1[k] == 1 ? 0 : pos[k] * s1[k];
        b += d2[k] == 1 ? 0 : pos[k] * s2[k];
      }
      i1[e] = a;
      i2[e] = b;
      for (int k = rank - 1; k >= 0; k--) {
        if (++pos[k] < out[k]) {
          break;
        }
        pos[k] = 0;
      }
    }
    return new Broadcast(size, i1, i2);
  }

  private static int[] strides(int[] dims) {
    int[] s = new int[dims.length];
    int acc = 1;
    for (int i = dims.length - 1; i >= 0; i--) {
      s[i] = acc;
      acc *= dims[i];
    }
    return s;
  }

  /** Input-1 index of output element {@code e}. */
  public int i1(int e) {
    return index1 == null ? e : index1[e];
  }

  /** Input-2 index of output element {@code e}. */
  public int i2(int e) {
    return index2 == null ? e : index2[e];
  }
}
