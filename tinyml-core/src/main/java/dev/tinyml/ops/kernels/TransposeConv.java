package dev.tinyml.ops.kernels;

/**
 * TRANSPOSE_CONV (the gradient of a strided convolution) on NHWC tensors with an OHWI filter, as
 * TFLite's reference kernels: every input pixel scatters {@code input * filter} into the output
 * window it feeds, in TFLite's loop order (so float sums match), then bias, rescaling and clamp.
 * Float32, int8 (per-channel, int32 bias) and 16x8 (int16 activations, int8 filter, int64 bias).
 */
public final class TransposeConv {

  private TransposeConv() {}

  /**
   * The geometry of a transpose convolution.
   *
   * @param batches batch count
   * @param inHeight input height
   * @param inWidth input width
   * @param inDepth input channels
   * @param filterHeight filter height
   * @param filterWidth filter width
   * @param outHeight output height
   * @param outWidth output width
   * @param outDepth output channels (the filter's first axis)
   * @param strideHeight vertical stride
   * @param strideWidth horizontal stride
   * @param padHeight rows cut before the output
   * @param padWidth columns cut before the output
   */
  public record Geometry(
      int batches,
      int inHeight,
      int inWidth,
      int inDepth,
      int filterHeight,
      int filterWidth,
      int outHeight,
      int outWidth,
      int outDepth,
      int strideHeight,
      int strideWidth,
      int padHeight,
      int padWidth) {}

  /**
   * The geometry; the padding follows TFLite's rule applied to the output extents.
   *
   * @param outputShape the NHWC output shape (the op's {@code output_shape} input)
   * @throws IllegalArgumentException when shapes are not NHWC/OHWI or do not agree
   */
  public static Geometry geometry(
      int[] inputShape,
      int[] filterShape,
      int[] outputShape,
      int strideHeight,
      int strideWidth,
      boolean samePadding) {
    if (inputShape.length != 4 || filterShape.length != 4 || outputShape.length != 4) {
      throw new IllegalArgumentException(
          "input, filter and output must have rank 4 (NHWC, OHWI, NHWC)");
    }
    if (filterShape[3] != inputShape[3]) {
      throw new IllegalArgumentException(
          "filter depth " + filterShape[3] + " differs from input depth " + inputShape[3]);
    }
    if (filterShape[0] != outputShape[3] || outputShape[0] != inputShape[0]) {
      throw new IllegalArgumentException(
          "output channels "
              + outputShape[3]
              + " and batch "
              + outputShape[0]
              + " must match the filter's "
              + filterShape[0]
              + " and the input's "
              + inputShape[0]);
    }
    if (strideHeight < 1 || strideWidth < 1) {
      throw new IllegalArgumentException("strides must be at least 1");
    }
    int outH = outputShape[1];
    int outW = outputShape[2];
    int padH = transposePadding(samePadding, strideHeight, outH, filterShape[1]);
    int padW = transposePadding(samePadding, strideWidth, outW, filterShape[2]);
    return new Geometry(
        inputShape[0],
        inputShape[1],
        inputShape[2],
        inputShape[3],
        filterShape[1],
        filterShape[2],
        outH,
        outW,
        outputShape[3],
        strideHeight,
        strideWidth,
        padH,
        padW);
  }

  /** Calls {@code tap} for every (output index, input index, filter index) in TFLite's order. */
  private interface Tap {
    void at(int out, int in, int filter);
  }

  private static void scatter(Geometry g, Tap tap) {
    for (int b = 0; b < g.batches(); b++) {
      for (int iy = 0; iy < g.inHeight(); iy++) {
        for (int ix = 0; ix < g.inWidth(); ix++) {
          for (int ic = 0; ic < g.inDepth(); ic++) {
            int in = ((b * g.inHeight() + iy) * g.inWidth() + ix) * g.inDepth() + ic;
            int oxOrigin = ix * g.strideWidth() - g.padWidth();
            int oyOrigin = iy * g.strideHeight() - g.padHeight();
            for (int fy = 0; fy < g.filterHeight(); fy++) {
              int oy = oyOrigin + fy;
              for (int fx = 0; fx < g.filterWidth(); fx++) {
                int ox = oxOrigin + fx;
                if (ox < 0 || ox >= g.outWidth() || oy < 0 || oy >= g.outHeight()) {
                  continue;
                }
                int outBase = ((b * g.outHeight() + oy) * g.outWidth() + ox) * g.outDepth();
                for (int oc = 0; oc < g.outDepth(); oc++) {
                  int f = ((oc * g.filterHeight() + fy) * g.filterWidth() + fx) * g.inDepth() + ic;
                  tap.at(outBase + oc, in, f);
                }
              }
            }
          }
        }
      }
    }
  }

  /** Float: accumulate, add the bias (may be null), clamp to {@code [min, max]}. */
  public static void eval(
      Geometry g, float[] in, float[] filter, float[] bias, float min, float max, float[] out) {
    java.util.Arrays.fill(out, 0f);
    scatter(g, (o, i, f) -> out[o] += in[i] * filter[f]);
    for (int o = 0; o < out.length; o++) {
      float acc = out[o];
      if (bias != null) {
        acc += bias[o % g.outDepth()];
      }
      out[o] = Math.min(Math.max(acc, min), max);
    }
  }

  /**
   * Int8 with per-channel multipliers; {@code scratch} holds one int per output element.
   *
   * @param inputOffset minus the input zero point
   * @param outputOffset the output zero point
   */
  public static void eval(
      Geometry g,
      byte[] in,
      int inputOffset,
      byte[] filter,
      int[] bias,
      ChannelMultipliers m,
      int outputOffset,
      int min,
      int max,
      int[] scratch,
      byte[] out) {
    java.util.Arrays.fill(scratch, 0, out.length, 0);
    scatter(g, (o, i, f) -> scratch[o] += (in[i] + inputOffset) * filter[f]);
    for (int o = 0; o < out.length; o++) {
      int oc = o % g.outDepth();
      int acc = scratch[o];
      if (bias != null) {
        acc += bias[oc];
      }
      acc = FixedPoint.multiplyByQuantizedMultiplier(acc, m.multiplier()[oc], m.shift()[oc]);
      acc += outputOffset;
      out[o] = (byte) Math.min(Math.max(acc, min), max);
    }
  }

  /** 16x8: int16 input and output (zero point 0), int8 filter, int64 bias (may be null). */
  public static void eval(
      Geometry g,
      short[] in,
      byte[] filter,
      long[] bias,
      ChannelMultipliers m,
      int min,
      int max,
      long[] scratch,
      short[] out) {
    java.util.Arrays.fill(scratch, 0, out.length, 0L);
    scatter(g, (o, i, f) -> scratch[o] += (long) (in[i] * filter[f]));
    for (int o = 0; o < out.length; o++) {
      int oc = o % g.outDepth();
      long acc = scratch[o];
      if (bias != null) {
        acc += bias[oc];
      }
      int scaled = FixedPoint.multiplyByQuantizedMultiplier(acc, m.multiplier()[oc], m.shift()[oc]);
      out[o] = (short) Math.min(Math.max(scaled, min), max);
    }
  }

  /**
   * The padding along one axis: that of the forward convolution from the output extent, whose
   * gradient this op is (TFLM computes it so).
   */
  private static int transposePadding(boolean samePadding, int stride, int outSize, int filter) {
    int inSize = ConvGeometry.outSize(samePadding, outSize, filter, stride, 1);
    return ConvGeometry.padding(stride, 1, outSize, filter, inSize);
  }
}
