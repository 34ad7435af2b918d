package dev.tinyml.ops.kernels;

import java.util.function.IntUnaryOperator;

/**
 * LOGISTIC and TANH, float32 and int8. The int8 paths are TFLM's (not TFLite's LUT): the input is
 * rescaled into Q4.27, gemmlowp's fixed-point {@code logistic}/{@code tanh} computes a Q0.31
 * result, which is rounded to Q0.8 (logistic, zero point -128) or Q0.7 (tanh); inputs beyond the
 * input radius saturate directly.
 */
public final class Logistic {

  private Logistic() {}

  private static final int INPUT_INTEGER_BITS = 4;

  /**
   * Integer parameters.
   *
   * @param inputZeroPoint input zero point
   * @param inputRangeRadius inputs with {@code |x - zp| >= radius} saturate
   * @param inputMultiplier significand of {@code scale * 2^27}
   * @param inputLeftShift its exponent
   */
  public record Plan(
      int inputZeroPoint, int inputRangeRadius, int inputMultiplier, int inputLeftShift) {}

  /** The int8 plan ({@code CalculateArithmeticOpDataLogistic}, identical for TANH). */
  public static Plan prepareInt8(float inputScale, int inputZeroPoint) {
    double real = (double) inputScale * (double) (1 << (31 - INPUT_INTEGER_BITS));
    FixedPoint.Multiplier m = FixedPoint.frexpMultiplier(real);
    int radius = FixedPoint.calculateInputRadius(INPUT_INTEGER_BITS, m.shift(), 31);
    return new Plan(inputZeroPoint, radius, m.multiplier(), m.shift());
  }

  /** Float logistic with the reference's cut-offs. */
  public static void logisticFloat(float[] in, float[] out, int n) {
    logisticFloat(in, 0, out, 0, n);
  }

  /** Float logistic of {@code n} values from {@code in[inOff]} into {@code out[outOff]}. */
  public static void logisticFloat(float[] in, int inOff, float[] out, int outOff, int n) {
    for (int i = 0; i < n; i++) {
      float v = in[inOff + i];
      float r;
      if (v > 16.619047164916992188f) {
        r = 1.0f;
      } else if (v < -9.f) {
        r = (float) Math.exp(v);
      } else {
        r = 1.f / (1.f + (float) Math.exp(-v));
      }
      out[outOff + i] = r;
    }
  }

  /** Float tanh. */
  public static void tanhFloat(float[] in, float[] out, int n) {
    tanhFloat(in, 0, out, 0, n);
  }

  /** Float tanh of {@code n} values from {@code in[inOff]} into {@code out[outOff]}. */
  public static void tanhFloat(float[] in, int inOff, float[] out, int outOff, int n) {
    for (int i = 0; i < n; i++) {
      out[outOff + i] = (float) Math.tanh(in[inOff + i]);
    }
  }

  /** Int8 logistic; output scale 1/256, zero point -128. */
  public static void logisticInt8(Plan p, byte[] in, byte[] out, int n) {
    evalInt8(
        p,
        in,
        out,
        n,
        q4 ->
            FixedPoint.roundingDivideByPot(FixedPoint.logistic(q4, INPUT_INTEGER_BITS), 31 - 8)
                - 128);
  }

  /** Int8 tanh; output scale 1/128, zero point 0. */
  public static void tanhInt8(Plan p, byte[] in, byte[] out, int n) {
    evalInt8(
        p,
        in,
        out,
        n,
        q4 -> FixedPoint.roundingDivideByPot(FixedPoint.tanh(q4, INPUT_INTEGER_BITS), 31 - 7));
  }

  /**
   * The shared int8 path: inputs beyond the range radius saturate, the others are rescaled into
   * Q4.27 and {@code fromQ4} maps them to the output.
   */
  private static void evalInt8(Plan p, byte[] in, byte[] out, int n, IntUnaryOperator fromQ4) {
    for (int i = 0; i < n; i++) {
      int x = in[i] - p.inputZeroPoint();
      if (x <= -p.inputRangeRadius()) {
        out[i] = -128;
      } else if (x >= p.inputRangeRadius()) {
        out[i] = 127;
      } else {
        int q4 =
            FixedPoint.multiplyByQuantizedMultiplier(x, p.inputMultiplier(), p.inputLeftShift());
        out[i] = (byte) FixedPoint.clampInt8(fromQ4.applyAsInt(q4));
      }
    }
  }
}
