package dev.tinyml.ops.kernels;

/**
 * A 256-entry int8 table of a float function, built as TFLM builds ELU's: dequantize each input
 * value, apply the function in float, requantize with {@code round(y / outputScale) + zeroPoint}
 * (the inverse scale taken in float) and clamp.
 */
public final class LookupTable {

  private LookupTable() {}

  /** A float function of one float. */
  @FunctionalInterface
  public interface FloatFunction {
    /** The function's value at {@code x}. */
    float apply(float x);
  }

  /** The table, indexed by {@code input + 128}. */
  public static byte[] int8(
      float inScale, int inZeroPoint, float outScale, int outZeroPoint, FloatFunction f) {
    float inverseScale = 1f / outScale;
    byte[] table = new byte[256];
    for (int v = -128; v <= 127; v++) {
      float dequantized = inScale * (v - inZeroPoint);
      float rescaled = FixedPoint.roundHalfAway(f.apply(dequantized) * inverseScale);
      int q = (int) (rescaled + outZeroPoint);
      table[v + 128] = (byte) Math.max(-128, Math.min(127, q));
    }
    return table;
  }

  /** The ELU table: {@code x < 0 ? e^x - 1 : x} with the subtraction in float, as TFLM. */
  public static byte[] elu(float inScale, int inZeroPoint, float outScale, int outZeroPoint) {
    return int8(
        inScale, inZeroPoint, outScale, outZeroPoint, x -> x < 0f ? (float) Math.exp(x) - 1f : x);
  }

  /** Maps every element through the table. */
  public static void eval(byte[] table, byte[] in, byte[] out) {
    for (int i = 0; i < in.length; i++) {
      out[i] = table[in[i] + 128];
    }
  }
}
