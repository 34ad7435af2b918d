package dev.tinyml.preprocess;

/**
 * The affine quantization of a model's input tensor, {@code q = round(x / scale) + zeroPoint}
 * clamped to the integer type, rounding half away from zero as TFLite's {@code Quantize} does.
 *
 * @param scale the real value of one quantization step
 * @param zeroPoint the integer that represents 0.0
 * @param signed {@code true} for int8 ([-128, 127]), {@code false} for uint8 ([0, 255])
 */
public record InputQuantization(float scale, int zeroPoint, boolean signed) {

  /** Validates the parameters. */
  public InputQuantization {
    if (!(scale > 0) || Float.isInfinite(scale)) {
      throw new PreprocessException("Quantization scale must be positive and finite, got " + scale);
    }
    int lo = signed ? -128 : 0;
    int hi = signed ? 127 : 255;
    if (zeroPoint < lo || zeroPoint > hi) {
      throw new PreprocessException(
          "Zero point " + zeroPoint + " is outside [" + lo + ", " + hi + "]");
    }
  }

  /**
   * Quantizes one value.
   *
   * @param x the real value
   * @return the quantized value's byte (read it as unsigned when {@code signed} is false)
   */
  public byte quantize(float x) {
    double r = x / (double) scale;
    long q = (long) (r >= 0 ? Math.floor(r + 0.5) : -Math.floor(-r + 0.5)) + zeroPoint;
    int lo = signed ? -128 : 0;
    int hi = signed ? 127 : 255;
    return (byte) Math.max(lo, Math.min(hi, q));
  }

  /**
   * Quantizes values.
   *
   * @param values the real values
   * @return one byte per value
   */
  public byte[] quantize(float[] values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = quantize(values[i]);
    }
    return out;
  }

  /**
   * The real value a quantized byte stands for.
   *
   * @param q the byte
   * @return {@code (q - zeroPoint) * scale}
   */
  public float dequantize(byte q) {
    int v = signed ? q : q & 0xFF;
    return (v - zeroPoint) * scale;
  }
}
