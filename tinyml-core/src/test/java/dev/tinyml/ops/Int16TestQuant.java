package dev.tinyml.ops;

import dev.tinyml.ops.kernels.FixedPoint;

/** Quantization of test data as TFLM's test helpers do it ({@code Quantize}, symmetric ones). */
final class Int16TestQuant {

  private Int16TestQuant() {}

  /** {@code Quantize<int16_t>}: round(x / scale), clamped (zero point 0). */
  static short[] int16(float[] x, float scale) {
    short[] q = new short[x.length];
    for (int i = 0; i < x.length; i++) {
      q[i] = (short) clamp(Math.round(FixedPoint.roundHalfAway(x[i] / scale)), -32768, 32767);
    }
    return q;
  }

  /** {@code FloatToSymmetricQuantizedType}: round(x / scale), clamped to [-127, 127]. */
  static byte[] int8Symmetric(float[] x, float scale) {
    byte[] q = new byte[x.length];
    for (int i = 0; i < x.length; i++) {
      q[i] = (byte) clamp(Math.round(FixedPoint.roundHalfAway(x[i] / scale)), -127, 127);
    }
    return q;
  }

  /**
   * {@code SignedSymmetricPerChannelQuantize} along axis 0 (OHWI filters) or 3 (depthwise filters):
   * each channel's scale is its largest magnitude over 127.
   */
  static float[] channelScales(float[] x, int channels, boolean lastAxis) {
    float[] scales = new float[channels];
    int per = x.length / channels;
    for (int c = 0; c < channels; c++) {
      float max = 0;
      for (int i = 0; i < per; i++) {
        max = Math.max(max, Math.abs(x[lastAxis ? i * channels + c : c * per + i]));
      }
      scales[c] = max / 127;
    }
    return scales;
  }

  /** The values quantized with their channel's scale. */
  static byte[] int8PerChannel(float[] x, float[] scales, boolean lastAxis) {
    int channels = scales.length;
    int per = x.length / channels;
    byte[] q = new byte[x.length];
    for (int c = 0; c < channels; c++) {
      for (int i = 0; i < per; i++) {
        int idx = lastAxis ? i * channels + c : c * per + i;
        q[idx] = (byte) clamp(Math.round(FixedPoint.roundHalfAway(x[idx] / scales[c])), -127, 127);
      }
    }
    return q;
  }

  /** A bias quantized per channel with scale {@code inputScale * weightScale[c]}. */
  static long[] bias64(float[] bias, float inputScale, float[] weightScales) {
    long[] q = new long[bias.length];
    for (int c = 0; c < bias.length; c++) {
      float s = inputScale * weightScales[weightScales.length == 1 ? 0 : c];
      q[c] = Math.round(FixedPoint.roundHalfAway(bias[c] / s));
    }
    return q;
  }

  /** The int32 form of {@link #bias64}. */
  static int[] bias32(float[] bias, float inputScale, float[] weightScales) {
    long[] q = bias64(bias, inputScale, weightScales);
    int[] r = new int[q.length];
    for (int i = 0; i < q.length; i++) {
      r[i] = (int) q[i];
    }
    return r;
  }

  private static long clamp(long v, long lo, long hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
