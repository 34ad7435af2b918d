package dev.tinyml.ops.kernels;

/**
 * Int8 HARD_SWISH as TFLite's reference kernel: the input is moved to a 7-bit finer scale, a
 * "reluish" factor {@code (x + 3) / 6} clamped to [0, 1] is formed in 16-bit fixed point, and the
 * product is rescaled to the output. The float variant is {@link UnaryMath.Function#HARD_SWISH}.
 */
public final class HardSwish {

  private HardSwish() {}

  /**
   * A planned int8 hard swish.
   *
   * @param inputZeroPoint input zero point
   * @param outputZeroPoint output zero point
   * @param outputMultiplier 16-bit significand of {@code inputScale / 128 / outputScale}
   * @param outputExponent its exponent (at most 0)
   * @param reluishMultiplier 16-bit significand of {@code inputScale / 128 / (3 / 32768)}
   * @param reluishExponent its exponent
   */
  public record Plan(
      int inputZeroPoint,
      int outputZeroPoint,
      short outputMultiplier,
      int outputExponent,
      short reluishMultiplier,
      int reluishExponent) {}

  /**
   * Plans the int8 kernel.
   *
   * @throws IllegalArgumentException when the output scale is too fine for the input's (TFLM
   *     requires the output multiplier's exponent to be at most 0)
   */
  public static Plan plan(float inScale, int inZeroPoint, float outScale, int outZeroPoint) {
    float hiresInputScale = (1f / 128f) * inScale;
    float reluishScale = 3f / 32768f;
    FixedPoint.Multiplier out =
        FixedPoint.quantizeMultiplier((double) (hiresInputScale / outScale));
    if (out.shift() > 0) {
      throw new IllegalArgumentException(
          "HARD_SWISH output scale " + outScale + " is too small for input scale " + inScale);
    }
    FixedPoint.Multiplier reluish =
        FixedPoint.quantizeMultiplier((double) (hiresInputScale / reluishScale));
    return new Plan(
        inZeroPoint,
        outZeroPoint,
        downScale(out.multiplier()),
        out.shift(),
        downScale(reluish.multiplier()),
        reluish.shift());
  }

  /** TFLite's {@code DownScaleInt32ToInt16Multiplier}. */
  static short downScale(int multiplier) {
    if (multiplier >= Integer.MAX_VALUE - (1 << 15)) {
      return Short.MAX_VALUE;
    }
    return (short) ((multiplier + (1 << 15)) >> 16);
  }

  /** gemmlowp's 16-bit {@code SaturatingRoundingDoublingHighMul}. */
  static short srdhm16(short a, short b) {
    if (a == b && a == Short.MIN_VALUE) {
      return Short.MAX_VALUE;
    }
    int ab = a * b;
    int nudge = ab >= 0 ? (1 << 14) : (1 - (1 << 14));
    return (short) ((ab + nudge) / (1 << 15));
  }

  /** TFLite's non-rounding 16-bit doubling high multiply used for the final product. */
  static short doublingHighMul16(short a, short b) {
    if (a == b && a == Short.MIN_VALUE) {
      return Short.MAX_VALUE;
    }
    return (short) ((a * b) / (1 << 15));
  }

  private static short saturatingLeftShift(short value, int amount) {
    long r = (long) value * (1 << amount);
    return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, r));
  }

  private static short roundingDivideByPot16(short x, int exponent) {
    return (short) FixedPoint.roundingDivideByPot(x, exponent);
  }

  /** Hard swish of one int8 value. */
  public static int apply(Plan p, int q) {
    short input = (short) (q - p.inputZeroPoint());
    short hires = (short) (input * (1 << 7));
    short preshiftOutput = srdhm16(hires, p.outputMultiplier());
    short reluish = hires;
    if (p.reluishExponent() > 0) {
      reluish = saturatingLeftShift(reluish, p.reluishExponent() - 1);
    }
    reluish = srdhm16(reluish, p.reluishMultiplier());
    if (p.reluishExponent() > 0) {
      reluish = saturatingLeftShift(reluish, 1);
    }
    if (p.reluishExponent() < 0) {
      reluish = roundingDivideByPot16(reluish, -p.reluishExponent());
    }
    reluish = (short) ((reluish + (1 << 15)) >> 1);
    short preshift = doublingHighMul16(reluish, preshiftOutput);
    short out = roundingDivideByPot16(preshift, -p.outputExponent());
    int v = out + p.outputZeroPoint();
    return Math.max(-128, Math.min(127, (short) v));
  }

  /** Applies the int8 kernel to every element. */
  public static void eval(Plan p, byte[] in, byte[] out) {
    for (int i = 0; i < in.length; i++) {
      out[i] = (byte) apply(p, in[i]);
    }
  }
}
