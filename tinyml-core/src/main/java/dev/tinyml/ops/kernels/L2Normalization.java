package dev.tinyml.ops.kernels;

/**
 * L2_NORMALIZATION over the last axis. Float divides by {@code max(sqrt(sum of squares), 1e-6)},
 * summing in float in index order; int8 (output scale 1/128, zero point 0, as TFLM requires) takes
 * TFLite's fixed-point inverse square root of the integer sum of squares.
 */
public final class L2Normalization {

  private L2Normalization() {}

  /** TFLM's hard-coded epsilon. */
  private static final float EPSILON = 1e-6f;

  /** The int8 output's scale exponent: values are in Q7 (scale 1/128). */
  private static final int OUTPUT_SCALE_BITS = 7;

  /** Float L2 normalization; {@code depth} is the last axis's extent. */
  public static void eval(int depth, float[] in, float[] out) {
    for (int base = 0; base < in.length; base += depth) {
      float squared = 0f;
      for (int c = 0; c < depth; c++) {
        float v = in[base + c];
        squared += v * v;
      }
      float norm = Math.max((float) Math.sqrt(squared), EPSILON);
      for (int c = 0; c < depth; c++) {
        out[base + c] = in[base + c] / norm;
      }
    }
  }

  /** Int8 L2 normalization; the output is in steps of 1/128 around 0. */
  public static void eval(int depth, int inputZeroPoint, byte[] in, byte[] out) {
    for (int base = 0; base < in.length; base += depth) {
      int acc = 0;
      for (int c = 0; c < depth; c++) {
        int v = in[base + c] - inputZeroPoint;
        acc += v * v;
      }
      int[] inv = QuantizedAbsRsqrt.invSqrt(acc);
      for (int c = 0; c < depth; c++) {
        int v = in[base + c] - inputZeroPoint;
        int q = FixedPoint.multiplyByQuantizedMultiplier(v, inv[0], inv[1] + OUTPUT_SCALE_BITS);
        out[base + c] = (byte) Math.min(127, Math.max(-128, q));
      }
    }
  }
}
