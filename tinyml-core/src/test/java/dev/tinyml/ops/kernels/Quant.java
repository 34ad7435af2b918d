package dev.tinyml.ops.kernels;

/** Quantization helpers of the tests, computed as TFLM's test_helpers.h computes them. */
final class Quant {

  private Quant() {}

  /** {@code ScaleFromMinMax<int8_t>}. */
  static float scale8(float min, float max) {
    return (max - min) / (float) (127 * 1.0 - -128);
  }

  /** {@code ZeroPointFromMinMax<int8_t>}. */
  static int zeroPoint8(float min, float max) {
    return -128 + (int) FixedPoint.roundHalfAway(-min / scale8(min, max));
  }

  /** {@code ScaleFromMinMax<int16_t>}. */
  static float scale16(float min, float max) {
    return (max - min) / (float) (32767 * 1.0 - -32768);
  }

  /** {@code Quantize<int8_t>}: round(x / scale) + zero point, clamped. */
  static byte[] int8(float[] x, float scale, int zeroPoint) {
    byte[] q = new byte[x.length];
    for (int i = 0; i < x.length; i++) {
      q[i] = (byte) clamp(quantize(x[i], scale, zeroPoint), -128, 127);
    }
    return q;
  }

  /** {@code Quantize<int16_t>}. */
  static short[] int16(float[] x, float scale, int zeroPoint) {
    short[] q = new short[x.length];
    for (int i = 0; i < x.length; i++) {
      q[i] = (short) clamp(quantize(x[i], scale, zeroPoint), -32768, 32767);
    }
    return q;
  }

  private static int quantize(float x, float scale, int zeroPoint) {
    return (int) FixedPoint.roundHalfAway(x / scale) + zeroPoint;
  }

  private static int clamp(int v, int lo, int hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  static float[] dequantize(byte[] q, float scale, int zeroPoint) {
    float[] f = new float[q.length];
    for (int i = 0; i < q.length; i++) {
      f[i] = scale * (q[i] - zeroPoint);
    }
    return f;
  }

  static float[] dequantize(short[] q, float scale, int zeroPoint) {
    float[] f = new float[q.length];
    for (int i = 0; i < q.length; i++) {
      f[i] = scale * (q[i] - zeroPoint);
    }
    return f;
  }

  /** Uniform random floats in [min, max). */
  static float[] uniform(java.util.Random r, int n, float min, float max) {
    float[] f = new float[n];
    for (int i = 0; i < n; i++) {
      f[i] = min + (max - min) * r.nextFloat();
    }
    return f;
  }
}
