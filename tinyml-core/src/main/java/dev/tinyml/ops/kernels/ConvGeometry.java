package dev.tinyml.ops.kernels;

/** Output sizes and paddings of windowed ops, as TFLite's {@code padding.h} computes them. */
public final class ConvGeometry {

  private ConvGeometry() {}

  /** {@code ComputeOutSize}: the output extent along one axis. */
  public static int outSize(
      boolean samePadding, int inSize, int filterSize, int stride, int dilation) {
    int effectiveFilter = (filterSize - 1) * dilation + 1;
    return samePadding
        ? (inSize + stride - 1) / stride
        : (inSize + stride - effectiveFilter) / stride;
  }

  /** {@code ComputePadding}: the padding before the first element along one axis. */
  public static int padding(int stride, int dilation, int inSize, int filterSize, int outSize) {
    int effectiveFilter = (filterSize - 1) * dilation + 1;
    int total = (outSize - 1) * stride + effectiveFilter - inSize;
    return Math.max(total, 0) / 2;
  }

  /**
   * Checks that an output extent recorded in the model is the one the padding rule gives.
   *
   * @throws IllegalArgumentException naming the axis and both sizes, or when the filter size,
   *     stride or dilation is below 1
   */
  public static void checkOutput(
      boolean samePadding,
      int inSize,
      int filterSize,
      int stride,
      int dilation,
      int outSize,
      String axis) {
    if (filterSize < 1 || stride < 1 || dilation < 1) {
      throw new IllegalArgumentException(
          "filter "
              + axis
              + " "
              + filterSize
              + ", stride "
              + stride
              + " and dilation "
              + dilation
              + " must all be at least 1");
    }
    int expected = outSize(samePadding, inSize, filterSize, stride, dilation);
    if (expected != outSize) {
      throw new IllegalArgumentException(
          "output "
              + axis
              + " is "
              + outSize
              + " but "
              + (samePadding ? "SAME" : "VALID")
              + " padding of input "
              + axis
              + " "
              + inSize
              + " with filter "
              + filterSize
              + ", stride "
              + stride
              + ", dilation "
              + dilation
              + " gives "
              + expected);
    }
  }

  /** First filter tap whose input coordinate {@code origin + dilation * k} is not negative. */
  static int firstTap(int origin, int dilation, int filterSize) {
    int k = 0;
    while (k < filterSize && origin + dilation * k < 0) {
      k++;
    }
    return k;
  }

  /** One past the last filter tap whose input coordinate is below {@code inSize}. */
  static int endTap(int origin, int dilation, int filterSize, int inSize) {
    int k = filterSize;
    while (k > 0 && origin + dilation * (k - 1) >= inSize) {
      k--;
    }
    return k;
  }
}
