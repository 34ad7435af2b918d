package dev.tinyml.ops.kernels;

/** ZEROS_LIKE, FILL and SHAPE: ops that make a tensor from a shape or a scalar. */
public final class TensorCreation {

  private TensorCreation() {}

  /** ZEROS_LIKE: every element 0 (for int8 the raw value 0, as TFLM writes it). */
  public static void zerosLike(Object out) {
    ElementCopy.fill(out, 0);
  }

  /**
   * FILL's output shape from its {@code dims} input.
   *
   * @throws IllegalArgumentException naming a negative dimension
   */
  public static int[] fillShape(long[] dims) {
    int[] shape = new int[dims.length];
    for (int i = 0; i < dims.length; i++) {
      if (dims[i] < 0 || dims[i] > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("FILL dimension " + i + " is " + dims[i]);
      }
      shape[i] = (int) dims[i];
    }
    return shape;
  }

  /** FILL: every element of {@code out} becomes the scalar {@code value} (same element type). */
  public static void fill(Object value, Object out) {
    ElementCopy.broadcastFirst(value, out);
  }

  /** SHAPE with an int32 output. */
  public static void shape(int[] inputShape, int[] out) {
    System.arraycopy(inputShape, 0, out, 0, inputShape.length);
  }

  /** SHAPE with an int64 output. */
  public static void shape(int[] inputShape, long[] out) {
    for (int i = 0; i < inputShape.length; i++) {
      out[i] = inputShape[i];
    }
  }
}
