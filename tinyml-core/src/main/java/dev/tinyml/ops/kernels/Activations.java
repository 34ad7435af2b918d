package dev.tinyml.ops.kernels;

/**
 * RELU, RELU6 and LEAKY_RELU, float32 and int8, as TFLM computes them: int8 RELU requantizes with
 * one multiplier and clamps at the quantized zero; int8 RELU6 only clamps between the input's
 * quantized 0 and 6; int8 LEAKY_RELU uses one multiplier for the identity side and one for alpha.
 */
public final class Activations {

  private Activations() {}

  /**
   * Int8 RELU parameters.
   *
   * @param inputZeroPoint input zero point
   * @param outputZeroPoint output zero point
   * @param multiplier significand of {@code inputScale / outputScale}
   * @param shift its exponent
   * @param actMin clamp low
   * @param actMax clamp high
   */
  public record ReluPlan(
      int inputZeroPoint, int outputZeroPoint, int multiplier, int shift, int actMin, int actMax) {}

  /** {@code CalculateReluOpData} for int8 (the input/output scale ratio is taken in float). */
  public static ReluPlan prepareReluInt8(
      float inputScale, int inputZeroPoint, float outputScale, int outputZeroPoint) {
    FixedPoint.Multiplier m = FixedPoint.quantizeMultiplier((double) (inputScale / outputScale));
    int min = Math.max(-128, outputZeroPoint + (int) FixedPoint.roundHalfAway(0f / outputScale));
    return new ReluPlan(inputZeroPoint, outputZeroPoint, m.multiplier(), m.shift(), min, 127);
  }

  /** Float RELU. */
  public static void reluFloat(float[] in, float[] out, int n) {
    for (int i = 0; i < n; i++) {
      float v = in[i];
      out[i] = v < 0f ? 0f : v;
    }
  }

  /** Float RELU6. */
  public static void relu6Float(float[] in, float[] out, int n) {
    for (int i = 0; i < n; i++) {
      float v = in[i];
      out[i] = v > 6f ? 6f : (v < 0f ? 0f : v);
    }
  }

  /** Int8 RELU. */
  public static void reluInt8(ReluPlan p, byte[] in, byte[] out, int n) {
    for (int i = 0; i < n; i++) {
      int v =
          p.outputZeroPoint()
              + FixedPoint.multiplyByQuantizedMultiplier(
                  in[i] - p.inputZeroPoint(), p.multiplier(), p.shift());
      v = Math.min(Math.max(v, p.actMin()), p.actMax());
      out[i] = (byte) v;
    }
  }

  /**
   * Int8 RELU6 bounds: the input zero point and {@code round(6 / scale) + zp}, clamped to int8.
   *
   * @return {@code {zero, six}}
   */
  public static int[] relu6Int8Bounds(float inputScale, int inputZeroPoint) {
    int six = (int) FixedPoint.roundHalfAway((double) (6.0f / inputScale)) + inputZeroPoint;
    return new int[] {inputZeroPoint, FixedPoint.clampInt8(six)};
  }

  /** Int8 RELU6: clamp to {@code [zero, six]}. */
  public static void relu6Int8(int zero, int six, byte[] in, byte[] out, int n) {
    for (int i = 0; i < n; i++) {
      int v = in[i];
      out[i] = (byte) (v > six ? six : (v < zero ? zero : v));
    }
  }

  /**
   * Int8 LEAKY_RELU parameters.
   *
   * @param inputZeroPoint input zero point
   * @param outputZeroPoint output zero point
   * @param identityMultiplier significand of {@code inputScale / outputScale}
   * @param identityShift its exponent
   * @param alphaMultiplier significand of {@code inputScale * alpha / outputScale}
   * @param alphaShift its exponent
   */
  public record LeakyReluPlan(
      int inputZeroPoint,
      int outputZeroPoint,
      int identityMultiplier,
      int identityShift,
      int alphaMultiplier,
      int alphaShift) {}

  /** {@code CalculateOpDataLeakyRelu} for int8 (both ratios taken in float). */
  public static LeakyReluPlan prepareLeakyReluInt8(
      float inputScale, int inputZeroPoint, float outputScale, int outputZeroPoint, float alpha) {
    FixedPoint.Multiplier a =
        FixedPoint.quantizeMultiplier((double) (inputScale * alpha / outputScale));
    FixedPoint.Multiplier id = FixedPoint.quantizeMultiplier((double) (inputScale / outputScale));
    return new LeakyReluPlan(
        inputZeroPoint, outputZeroPoint, id.multiplier(), id.shift(), a.multiplier(), a.shift());
  }

  /** Float LEAKY_RELU. */
  public static void leakyReluFloat(float alpha, float[] in, float[] out, int n) {
    for (int i = 0; i < n; i++) {
      float v = in[i];
      out[i] = v > 0 ? v : v * alpha;
    }
  }

  /** Int8 LEAKY_RELU. */
  public static void leakyReluInt8(LeakyReluPlan p, byte[] in, byte[] out, int n) {
    boolean negativeAlpha = p.alphaMultiplier() < 0;
    int safeAlpha = negativeAlpha ? -p.alphaMultiplier() : p.alphaMultiplier();
    for (int i = 0; i < n; i++) {
      int x = in[i] - p.inputZeroPoint();
      int v = p.outputZeroPoint();
      if (x >= 0) {
        v += FixedPoint.multiplyByQuantizedMultiplier(x, p.identityMultiplier(), p.identityShift());
      } else {
        int scaled = FixedPoint.multiplyByQuantizedMultiplier(x, safeAlpha, p.alphaShift());
        v += negativeAlpha ? -scaled : scaled;
      }
      out[i] = (byte) FixedPoint.clampInt8(v);
    }
  }
}
