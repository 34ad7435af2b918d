package dev.tinyml.ops.kernels;

/**
 * Per-output-channel quantized multipliers of a convolution or fully connected layer: the channel's
 * effective scale {@code inputScale * filterScale / outputScale} split by {@link
 * FixedPoint#quantizeMultiplier}.
 *
 * @param multiplier Q31 significands, one per output channel
 * @param shift power-of-two exponents (positive = left shift), one per output channel
 */
public record ChannelMultipliers(int[] multiplier, int[] shift) {

  /**
   * The multipliers as {@code PopulateConvolutionQuantizationParams} computes them: in double, with
   * the filter's single scale repeated when it is per-tensor.
   */
  public static ChannelMultipliers of(
      float inputScale, float[] filterScales, float outputScale, int channels) {
    int[] m = new int[channels];
    int[] s = new int[channels];
    for (int c = 0; c < channels; c++) {
      float fs = filterScales.length > 1 ? filterScales[c] : filterScales[0];
      FixedPoint.Multiplier q =
          FixedPoint.quantizeMultiplier((double) inputScale * (double) fs / (double) outputScale);
      m[c] = q.multiplier();
      s[c] = q.shift();
    }
    return new ChannelMultipliers(m, s);
  }

  /**
   * One multiplier repeated for every channel, as {@code GetQuantizedConvolutionMultipler} computes
   * it for per-tensor fully connected layers: the scale product is taken in float first.
   */
  public static ChannelMultipliers perTensorFloatProduct(
      float inputScale, float filterScale, float outputScale, int channels) {
    double real = (double) (inputScale * filterScale) / (double) outputScale;
    FixedPoint.Multiplier q = FixedPoint.quantizeMultiplier(real);
    int[] m = new int[channels];
    int[] s = new int[channels];
    java.util.Arrays.fill(m, q.multiplier());
    java.util.Arrays.fill(s, q.shift());
    return new ChannelMultipliers(m, s);
  }
}
