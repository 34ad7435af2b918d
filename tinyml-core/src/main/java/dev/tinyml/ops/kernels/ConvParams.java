package dev.tinyml.ops.kernels;

import java.util.Arrays;

/**
 * The parameters CONV_2D and DEPTHWISE_CONV_2D share (TFLM's {@code ConvParams} and {@code
 * DepthwiseParams}): NHWC shapes, filter size, strides, dilation, padding, offsets, per-channel
 * multipliers and the activation clamp.
 *
 * @param batches N
 * @param inH input height
 * @param inW input width
 * @param inC input channels
 * @param outH output height
 * @param outW output width
 * @param outC output channels
 * @param kH filter height
 * @param kW filter width
 * @param filterInC input channels each filter reads (inC / groups for CONV_2D, 1 for depthwise)
 * @param strideH vertical stride
 * @param strideW horizontal stride
 * @param dilationH vertical dilation
 * @param dilationW horizontal dilation
 * @param padH top padding
 * @param padW left padding
 * @param inputOffset minus the input zero point
 * @param outputOffset output zero point
 * @param multipliers per-channel multipliers (null for float)
 * @param actMin quantized clamp low
 * @param actMax quantized clamp high
 * @param floatMin float clamp low
 * @param floatMax float clamp high
 */
public record ConvParams(
    int batches,
    int inH,
    int inW,
    int inC,
    int outH,
    int outW,
    int outC,
    int kH,
    int kW,
    int filterInC,
    int strideH,
    int strideW,
    int dilationH,
    int dilationW,
    int padH,
    int padW,
    int inputOffset,
    int outputOffset,
    ChannelMultipliers multipliers,
    int actMin,
    int actMax,
    float floatMin,
    float floatMax) {

  /**
   * The window options of a convolution.
   *
   * @param samePadding SAME (true) or VALID padding
   * @param strideH vertical stride
   * @param strideW horizontal stride
   * @param dilationH vertical dilation
   * @param dilationW horizontal dilation
   */
  public record Window(
      boolean samePadding, int strideH, int strideW, int dilationH, int dilationW) {}

  /**
   * The quantization of an int8 or int16 convolution.
   *
   * @param inputZeroPoint input zero point
   * @param outputScale output scale
   * @param outputZeroPoint output zero point
   * @param multipliers per-channel multipliers
   * @param qmin the output type's lowest value
   * @param qmax the output type's highest value
   */
  public record Quantization(
      int inputZeroPoint,
      float outputScale,
      int outputZeroPoint,
      ChannelMultipliers multipliers,
      int qmin,
      int qmax) {

    /** The quantization of an int8 convolution. */
    public Quantization(
        int inputZeroPoint,
        float outputScale,
        int outputZeroPoint,
        ChannelMultipliers multipliers) {
      this(
          inputZeroPoint,
          outputScale,
          outputZeroPoint,
          multipliers,
          Byte.MIN_VALUE,
          Byte.MAX_VALUE);
    }
  }

  /** Output channels per input channel (depthwise). */
  public int depthMultiplier() {
    return outC / inC;
  }

  /** Elements of the per-pixel accumulator scratch: one per output channel. */
  public int scratchSize() {
    return outC;
  }

  /** Ints of scratch a row-by-row loop needs: one output row of accumulators and inputs. */
  public int rowScratchSize() {
    return outW * outC + outW;
  }

  /**
   * A kernel's channel rule: checks that the filter fits the input and output channels and gives
   * the input channels one filter reads.
   */
  @FunctionalInterface
  public interface FilterChannels {
    /**
     * The input channels one filter reads.
     *
     * @throws IllegalArgumentException when the filter does not fit the channels
     */
    int filterInC(int[] inputShape, int[] filterShape, int[] outputShape);
  }

  /**
   * Computes paddings and clamps from NHWC input and output shapes and a {@code [*, kH, kW, *]}
   * filter.
   *
   * @param channels the kernel's check that the filter fits the channels
   * @param quantization null for float
   * @throws IllegalArgumentException when the filter does not fit the channels, batches differ, or
   *     an output extent is not the one the padding rule gives
   */
  public static ConvParams of(
      FilterChannels channels,
      int[] inputShape,
      int[] filterShape,
      int[] outputShape,
      Window w,
      Activation act,
      Quantization quantization) {
    int filterInC = channels.filterInC(inputShape, filterShape, outputShape);
    int inH = inputShape[1];
    int inW = inputShape[2];
    int kH = filterShape[1];
    int kW = filterShape[2];
    int outH = outputShape[1];
    int outW = outputShape[2];
    if (inputShape[0] != outputShape[0]) {
      throw new IllegalArgumentException(
          "input batches " + inputShape[0] + " and output batches " + outputShape[0] + " differ");
    }
    ConvGeometry.checkOutput(w.samePadding(), inH, kH, w.strideH(), w.dilationH(), outH, "height");
    ConvGeometry.checkOutput(w.samePadding(), inW, kW, w.strideW(), w.dilationW(), outW, "width");
    int[] range =
        quantization == null
            ? new int[] {0, 0}
            : act.quantizedRange(
                quantization.outputScale(),
                quantization.outputZeroPoint(),
                quantization.qmin(),
                quantization.qmax());
    return new ConvParams(
        inputShape[0],
        inH,
        inW,
        inputShape[3],
        outH,
        outW,
        outputShape[3],
        kH,
        kW,
        filterInC,
        w.strideH(),
        w.strideW(),
        w.dilationH(),
        w.dilationW(),
        ConvGeometry.padding(w.strideH(), w.dilationH(), inH, kH, outH),
        ConvGeometry.padding(w.strideW(), w.dilationW(), inW, kW, outW),
        quantization == null ? 0 : -quantization.inputZeroPoint(),
        quantization == null ? 0 : quantization.outputZeroPoint(),
        quantization == null ? null : quantization.multipliers(),
        range[0],
        range[1],
        act.floatMin(),
        act.floatMax());
  }

  /**
   * What a convolution computes for one output pixel from the filter taps that fall inside the
   * image.
   */
  @FunctionalInterface
  interface PixelKernel {
    /**
     * @param inBases per tap, the input index of channel 0 of the pixel it reads
     * @param taps per tap, its filter position {@code ky * kW + kx}
     * @param count taps inside the image, in filter row, then column order
     * @param outBase the output index of channel 0 of the pixel
     */
    void pixel(int[] inBases, int[] taps, int count, int outBase);
  }

  /**
   * Walks every output pixel in NHWC order and hands {@code kernel} the taps inside the image, in
   * the order the reference loops visit them (so float sums keep their order).
   */
  void forEachPixel(PixelKernel kernel) {
    int[] inBases = new int[kH * kW];
    int[] taps = new int[kH * kW];
    for (int b = 0; b < batches; b++) {
      for (int oy = 0; oy < outH; oy++) {
        int iy0 = oy * strideH - padH;
        int ky0 = ConvGeometry.firstTap(iy0, dilationH, kH);
        int ky1 = ConvGeometry.endTap(iy0, dilationH, kH, inH);
        for (int ox = 0; ox < outW; ox++) {
          int ix0 = ox * strideW - padW;
          int kx0 = ConvGeometry.firstTap(ix0, dilationW, kW);
          int kx1 = ConvGeometry.endTap(ix0, dilationW, kW, inW);
          int count = 0;
          for (int ky = ky0; ky < ky1; ky++) {
            int rowBase = (b * inH + iy0 + dilationH * ky) * inW;
            for (int kx = kx0; kx < kx1; kx++) {
              inBases[count] = (rowBase + ix0 + dilationW * kx) * inC;
              taps[count++] = ky * kW + kx;
            }
          }
          kernel.pixel(inBases, taps, count, ((b * outH + oy) * outW + ox) * outC);
        }
      }
    }
  }

  /** Requantizes one accumulator of output channel {@code oc} and clamps it to int8. */
  byte requantize(int acc, int oc) {
    int v =
        FixedPoint.multiplyByQuantizedMultiplier(
                acc, multipliers.multiplier()[oc], multipliers.shift()[oc])
            + outputOffset;
    return (byte) (v < actMin ? actMin : (v > actMax ? actMax : v));
  }

  /**
   * Rescales one 16x8 int64 accumulator of output channel {@code oc} with the 64-bit multiplier and
   * clamps it (TFLM's int16 kernels add no output offset).
   */
  short requantize16(long acc, int oc) {
    int v =
        FixedPoint.multiplyByQuantizedMultiplier(
            acc, multipliers.multiplier()[oc], multipliers.shift()[oc]);
    return (short) (v < actMin ? actMin : (v > actMax ? actMax : v));
  }

  /** Rescales one 16x8 int32 accumulator (int32 bias) with the 32-bit multiplier and clamps it. */
  short requantize16(int acc, int oc) {
    int v =
        FixedPoint.multiplyByQuantizedMultiplier(
            acc, multipliers.multiplier()[oc], multipliers.shift()[oc]);
    return (short) (v < actMin ? actMin : (v > actMax ? actMax : v));
  }

  /** Starts a pixel's accumulators at the bias (or 0 when there is none). */
  void initAccumulators(int[] acc, int[] bias) {
    if (bias != null) {
      System.arraycopy(bias, 0, acc, 0, outC);
    } else {
      Arrays.fill(acc, 0, outC, 0);
    }
  }

  /**
   * Requantizes a pixel's accumulators per channel, clamps them and stores them at {@code base}.
   */
  void storeInt8(int[] acc, byte[] out, int base) {
    for (int oc = 0; oc < outC; oc++) {
      out[base + oc] = requantize(acc[oc], oc);
    }
  }

  /** Adds the bias to a pixel's float sums, clamps them and stores them at {@code base}. */
  void storeFloat(float[] acc, float[] bias, float[] out, int base) {
    for (int oc = 0; oc < outC; oc++) {
      float v = acc[oc] + (bias != null ? bias[oc] : 0f);
      out[base + oc] = Activation.clamp(v, floatMin, floatMax);
    }
  }
}
