package dev.tinyml.ops.kernels;

/**
 * QUANTIZE and DEQUANTIZE as TFLM computes them: float to integer is {@code round(x / scale) + zp}
 * in float with halves away from zero; integer to integer requantizes with one multiplier of {@code
 * inputScale / outputScale}; integer to float is {@code (float) (scale * (q - zp))} in double.
 */
public final class Quantization {

  private Quantization() {}

  /**
   * Requantization parameters.
   *
   * @param inputZeroPoint input zero point
   * @param outputZeroPoint output zero point
   * @param multiplier significand of {@code inputScale / outputScale}
   * @param shift its exponent
   */
  public record Requantize(int inputZeroPoint, int outputZeroPoint, int multiplier, int shift) {

    /** Builds the parameters. */
    public static Requantize of(
        float inputScale, int inputZeroPoint, float outputScale, int outputZeroPoint) {
      FixedPoint.Multiplier m =
          FixedPoint.quantizeMultiplier((double) inputScale / (double) outputScale);
      return new Requantize(inputZeroPoint, outputZeroPoint, m.multiplier(), m.shift());
    }

    /** One element, unclamped. */
    public int apply(int q) {
      return FixedPoint.multiplyByQuantizedMultiplier(q - inputZeroPoint, multiplier, shift)
          + outputZeroPoint;
    }
  }

  /** Float to an integer in {@code [min, max]}. */
  public static int quantize(float x, float scale, int zeroPoint, int min, int max) {
    int v = (int) FixedPoint.roundHalfAway(x / scale) + zeroPoint;
    return Math.min(Math.max(v, min), max);
  }

  /** Integer to float. */
  public static float dequantize(int q, double scale, int zeroPoint) {
    return (float) (scale * (q - zeroPoint));
  }

  /**
   * Quantizes {@code n} floats into {@code out} ({@code byte[]} for int8, {@code short[]} for
   * int16), clamped to the type's range.
   */
  public static void quantizeArray(float[] in, Object out, int n, float scale, int zeroPoint) {
    if (out instanceof byte[] y) {
      for (int i = 0; i < n; i++) {
        y[i] = (byte) quantize(in[i], scale, zeroPoint, -128, 127);
      }
    } else {
      short[] y = (short[]) out;
      for (int i = 0; i < n; i++) {
        y[i] = (short) quantize(in[i], scale, zeroPoint, -32768, 32767);
      }
    }
  }

  /** Dequantizes {@code n} integers ({@code byte[]} or {@code short[]}) into {@code out}. */
  public static void dequantizeArray(Object in, float[] out, int n, double scale, int zeroPoint) {
    if (in instanceof byte[] x) {
      for (int i = 0; i < n; i++) {
        out[i] = dequantize(x[i], scale, zeroPoint);
      }
    } else {
      short[] x = (short[]) in;
      for (int i = 0; i < n; i++) {
        out[i] = dequantize(x[i], scale, zeroPoint);
      }
    }
  }

  /**
   * Requantizes {@code n} integers ({@code byte[]}, {@code short[]} or {@code int[]}) into {@code
   * out} (same array kinds), clamped to {@code [lo, hi]}; {@code scratch} holds {@code n} ints.
   */
  public static void requantize(
      Requantize r, Object in, Object out, int n, int lo, int hi, int[] scratch) {
    if (in instanceof byte[] b) {
      for (int i = 0; i < n; i++) {
        scratch[i] = b[i];
      }
    } else if (in instanceof short[] sh) {
      for (int i = 0; i < n; i++) {
        scratch[i] = sh[i];
      }
    } else {
      System.arraycopy((int[]) in, 0, scratch, 0, n);
    }
    for (int i = 0; i < n; i++) {
      int v = r.apply(scratch[i]);
      scratch[i] = v < lo ? lo : (v > hi ? hi : v);
    }
    if (out instanceof byte[] b) {
      for (int i = 0; i < n; i++) {
        b[i] = (byte) scratch[i];
      }
    } else if (out instanceof short[] sh) {
      for (int i = 0; i < n; i++) {
        sh[i] = (short) scratch[i];
      }
    } else {
      System.arraycopy(scratch, 0, (int[]) out, 0, n);
    }
  }
}
