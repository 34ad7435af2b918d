package dev.tinyml.ops.kernels.signal;

import dev.tinyml.preprocess.FixedPoint;

/** {@code SignalFilterBankSquareRoot}: rounded square root of each channel, shifted right. */
public final class FilterBankSquareRoot {
  private FilterBankSquareRoot() {}

  /**
   * Computes {@code sqrt(in[i]) >> scaleDownBits} (unsigned).
   *
   * @param in unsigned 64-bit channel sums
   * @param scaleDownBits right shift after the root
   * @param out unsigned 32-bit results
   */
  public static void eval(long[] in, int scaleDownBits, int[] out) {
    for (int i = 0; i < out.length; i++) {
      out[i] = (int) (FixedPoint.sqrt64(in[i]) >>> scaleDownBits);
    }
  }
}
