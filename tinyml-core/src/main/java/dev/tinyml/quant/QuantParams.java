package dev.tinyml.quant;

/**
 * Per-tensor affine quantization parameters of an int8 tensor: {@code real = scale * (q -
 * zeroPoint)}.
 *
 * @param scale the step between two neighbouring quantized values, positive
 * @param zeroPoint the quantized value that represents real 0, in [-128, 127]
 */
public record QuantParams(float scale, int zeroPoint) {

  /** Validates the parameters. */
  public QuantParams {
    if (!(scale > 0) || Float.isInfinite(scale)) {
      throw new IllegalArgumentException(
          "quantization scale must be positive and finite: " + scale);
    }
    if (zeroPoint < QuantMath.INT8_MIN || zeroPoint > QuantMath.INT8_MAX) {
      throw new IllegalArgumentException("int8 zero point out of [-128, 127]: " + zeroPoint);
    }
  }

  /**
   * Quantizes one value as TFLite's QUANTIZE kernel does: {@code round(value / scale) + zeroPoint},
   * rounded half away from zero, clamped to [-128, 127].
   *
   * @param value the real value
   * @return the int8 value
   */
  public int quantize(float value) {
    long q = QuantMath.roundHalfAwayFromZero(value / scale) + zeroPoint;
    return (int) Math.max(QuantMath.INT8_MIN, Math.min(QuantMath.INT8_MAX, q));
  }

  /**
   * Dequantizes one value as TFLite's DEQUANTIZE does: {@code scale * (q - zeroPoint)} computed in
   * double and rounded to float.
   *
   * @param q the quantized value
   * @return the real value
   */
  public float dequantize(int q) {
    return (float) ((double) scale * (q - zeroPoint));
  }

  /** The smallest real value representable, {@code scale * (-128 - zeroPoint)}. */
  public float realMin() {
    return dequantize(QuantMath.INT8_MIN);
  }

  /** The largest real value representable, {@code scale * (127 - zeroPoint)}. */
  public float realMax() {
    return dequantize(QuantMath.INT8_MAX);
  }
}
