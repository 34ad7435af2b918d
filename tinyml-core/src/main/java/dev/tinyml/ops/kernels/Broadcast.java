package dev.tinyml.ops.kernels;

import java.util.Arrays;

/**
 * NumPy-style broadcasting of two shapes to an output shape: for every output element, the flat
 * index of each input element it reads. Computed once at prepare time.
 *
 * @param size output element count
 * @param index1 input-1 flat index per output element (null when it has the output's shape)
 * @param index2 input-2 flat index per output element (null when it has the output's shape)
 */
public record Broadcast(int size, int[] index1, int[] index2) {

  /** True when both inputs have the output's shape and elements pair up one to one. */
  public boolean elementwise() {
    return index1 == null && index2 == null;
  }

  /**
   * Resolves the broadcast of {@code shape1} and {@code shape2} (right-aligned; a dimension of 1
   * stretches).
   *
   * @throws IllegalArgumentException when the shapes are not broadcast-compatible
   */
  public static Broadcast of(int[] shape1, int[] shape2) {
    int[] out;
    try {
      out = Broadcasting.outputShape(shape1, shape2);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "shapes "
              + Arrays.toString(shape1)
              + " and "
              + Arrays.toString(shape2)
              + " do not broadcast: "
              + e.getMessage(),
          e);
    }
    return new Broadcast(
        Shapes.size(out), Broadcasting.indices(out, shape1), Broadcasting.indices(out, shape2));
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
