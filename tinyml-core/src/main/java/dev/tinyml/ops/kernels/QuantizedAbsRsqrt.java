package dev.tinyml.ops.kernels;

/**
 * Quantized ABS (int8, int16) and RSQRT (int8, int16) as TFLM's {@code elementwise.cc}: ABS
 * rescales only when the scales differ; RSQRT takes TFLite's fixed-point inverse square root of the
 * zero-point-corrected input and rescales by {@code 1 / (sqrt(inputScale) * outputScale)}.
 */
public final class QuantizedAbsRsqrt {

  private QuantizedAbsRsqrt() {}

  /** RSQRT keeps 20 fraction bits between the inverse square root and the output rescale. */
  private static final int RSQRT_SHIFT = 20;

  /**
   * A planned op.
   *
   * @param inputOffset input zero point
   * @param outputOffset output zero point
   * @param rescale false for ABS with equal scales
   * @param multiplier output significand
   * @param shift its exponent
   * @param min the output type's lowest value
   * @param max the output type's highest value
   */
  public record Plan(
      int inputOffset,
      int outputOffset,
      boolean rescale,
      int multiplier,
      int shift,
      int min,
      int max) {}

  /** Plans ABS; {@code bits} is 8 or 16. */
  public static Plan planAbs(
      float inScale, int inZeroPoint, float outScale, int outZeroPoint, int bits) {
    boolean rescale = inScale != outScale;
    FixedPoint.Multiplier m =
        rescale
            ? FixedPoint.quantizeMultiplier((double) (inScale / outScale))
            : new FixedPoint.Multiplier(0, 0);
    return new Plan(
        inZeroPoint, outZeroPoint, rescale, m.multiplier(), m.shift(), min(bits), max(bits));
  }

  /** Plans RSQRT; {@code bits} is 8 or 16. */
  public static Plan planRsqrt(
      float inScale, int inZeroPoint, float outScale, int outZeroPoint, int bits) {
    float denominator = (float) Math.sqrt(inScale) * outScale;
    FixedPoint.Multiplier m = FixedPoint.quantizeMultiplier(1.0 / (double) denominator);
    return new Plan(
        inZeroPoint, outZeroPoint, true, m.multiplier(), m.shift(), min(bits), max(bits));
  }

  private static int min(int bits) {
    return bits == 8 ? Byte.MIN_VALUE : Short.MIN_VALUE;
  }

  private static int max(int bits) {
    return bits == 8 ? Byte.MAX_VALUE : Short.MAX_VALUE;
  }

  /** ABS of one quantized value. */
  public static int abs(Plan p, int q) {
    int value = Math.abs(q - p.inputOffset());
    int out =
        p.rescale()
            ? FixedPoint.multiplyByQuantizedMultiplier(value, p.multiplier(), p.shift())
                + p.outputOffset()
            : value + p.outputOffset();
    return Math.min(Math.max(out, p.min()), p.max());
  }

  /**
   * RSQRT of one quantized value; an input at the zero point gives the type's maximum.
   *
   * @throws ArithmeticException for an input below the zero point, as TFLM fails the invoke
   */
  public static int rsqrt(Plan p, int q) {
    if (q < p.inputOffset()) {
      throw new ArithmeticException("RSQRT is only defined for non-negative inputs, got " + q);
    }
    int value = q - p.inputOffset();
    if (value == 0) {
      return p.max();
    }
    int[] inv = invSqrt(value);
    int data = FixedPoint.multiplyByQuantizedMultiplier(1, inv[0], inv[1] + RSQRT_SHIFT);
    int out =
        FixedPoint.multiplyByQuantizedMultiplier(data, p.multiplier(), p.shift() - RSQRT_SHIFT)
            + p.outputOffset();
    return Math.min(Math.max(out, p.min()), p.max());
  }

  /**
   * TFLite's {@code GetInvSqrtQuantizedMultiplierExp} with {@code reverse_shift = -1}: {@code 1 /
   * sqrt(x)} as a Q31 significand and a left-shift exponent.
   *
   * @return {significand, exponent}
   */
  public static int[] invSqrt(int input) {
    if (input <= 1) {
      return new int[] {Integer.MAX_VALUE, 0};
    }
    int shift = 11;
    while (input >= (1 << 29)) {
      input /= 4;
      shift++;
    }
    int maxLeftShiftBits = Integer.numberOfLeadingZeros(input) - 1;
    int leftShiftBitPairs = maxLeftShiftBits / 2 - 1;
    shift -= leftShiftBitPairs;
    input <<= 2 * leftShiftBitPairs;
    // Newton-Raphson in Q3 (3 integer bits), from x = 1, five steps.
    int fixedInput = input >> 1;
    int halfInput = FixedPoint.saturatingRoundingMultiplyByPot(fixedInput, -1);
    final int halfThree = (1 << 28) + (1 << 27);
    int x = 1 << 28;
    for (int i = 0; i < 5; i++) {
      int x2 = FixedPoint.saturatingRoundingDoublingHighMul(x, x); // Q6
      int x3 =
          FixedPoint.saturatingRoundingMultiplyByPot(
              FixedPoint.saturatingRoundingDoublingHighMul(x2, x), 6); // Q9 -> Q3
      int a = FixedPoint.saturatingRoundingDoublingHighMul(halfThree, x); // Q6
      int b = FixedPoint.saturatingRoundingDoublingHighMul(halfInput, x3); // Q6
      x = FixedPoint.saturatingRoundingMultiplyByPot(a - b, 3); // Q6 -> Q3
    }
    final int halfSqrt2 = 1518500250;
    int result = FixedPoint.saturatingRoundingDoublingHighMul(x, halfSqrt2);
    if (shift < 0) {
      result <<= -shift;
      shift = 0;
    }
    return new int[] {result, -shift};
  }

  /** Applies ABS or RSQRT to every int8 element. */
  public static void eval(Plan p, boolean rsqrt, byte[] in, byte[] out) {
    for (int i = 0; i < in.length; i++) {
      out[i] = (byte) (rsqrt ? rsqrt(p, in[i]) : abs(p, in[i]));
    }
  }

  /** Applies ABS or RSQRT to every int16 element. */
  public static void eval(Plan p, boolean rsqrt, short[] in, short[] out) {
    for (int i = 0; i < in.length; i++) {
      out[i] = (short) (rsqrt ? rsqrt(p, in[i]) : abs(p, in[i]));
    }
  }
}
