package dev.tinyml.ops.kernels;

/** A fused activation as TFLM applies it: a clamp of the output, in float or in quantized units. */
public enum Activation {
  /** No clamp. */
  NONE,
  /** Clamp below at 0. */
  RELU,
  /** Clamp to [-1, 1]. */
  RELU_N1_TO_1,
  /** Clamp to [0, 6]. */
  RELU6;

  /** Lower float bound ({@code CalculateActivationRange}). */
  public float floatMin() {
    return switch (this) {
      case NONE -> -Float.MAX_VALUE;
      case RELU, RELU6 -> 0f;
      case RELU_N1_TO_1 -> -1f;
    };
  }

  /** Upper float bound. */
  public float floatMax() {
    return switch (this) {
      case NONE, RELU -> Float.MAX_VALUE;
      case RELU_N1_TO_1 -> 1f;
      case RELU6 -> 6f;
    };
  }

  /**
   * TFLite's {@code CalculateActivationRangeQuantized}: the clamp in quantized units for an output
   * of the given scale and zero point, within the type range [{@code qmin}, {@code qmax}].
   *
   * @return {@code {min, max}}
   */
  public int[] quantizedRange(float scale, int zeroPoint, int qmin, int qmax) {
    return switch (this) {
      case NONE -> new int[] {qmin, qmax};
      case RELU -> new int[] {Math.max(qmin, quantize(scale, zeroPoint, 0f)), qmax};
      case RELU6 ->
          new int[] {
            Math.max(qmin, quantize(scale, zeroPoint, 0f)),
            Math.min(qmax, quantize(scale, zeroPoint, 6f))
          };
      case RELU_N1_TO_1 ->
          new int[] {
            Math.max(qmin, quantize(scale, zeroPoint, -1f)),
            Math.min(qmax, quantize(scale, zeroPoint, 1f))
          };
    };
  }

  /**
   * {@code std::min(std::max(x, lo), hi)} with C++'s comparison semantics (keeps {@code -0.0f}).
   */
  public static float clamp(float x, float lo, float hi) {
    float y = x < lo ? lo : x;
    return hi < y ? hi : y;
  }

  private static int quantize(float scale, int zeroPoint, float f) {
    return zeroPoint + (int) FixedPoint.roundHalfAway(f / scale);
  }
}
