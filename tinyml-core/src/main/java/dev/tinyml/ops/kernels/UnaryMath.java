package dev.tinyml.ops.kernels;

/**
 * The float element-wise functions: ABS, SQRT, RSQRT, EXP, LOG, FLOOR, ROUND, ELU, HARD_SWISH and
 * NEG, each in float arithmetic as TFLM's reference kernels compute it. Square roots and the
 * rounding functions are exact; EXP, LOG and ELU go through double and round once to float, which
 * can differ from a platform's {@code expf}/{@code logf} in the last bit for rare inputs.
 */
public final class UnaryMath {

  private UnaryMath() {}

  /** The function. */
  public enum Function {
    /** |x|. */
    ABS,
    /** The square root (NaN below 0). */
    SQRT,
    /** {@code 1 / sqrt(x)}, the division in float. */
    RSQRT,
    /** e^x. */
    EXP,
    /** The natural logarithm. */
    LOG,
    /** Rounds towards negative infinity. */
    FLOOR,
    /** Rounds to the nearest integer, halves to even (TFLM's {@code RoundToNearest}). */
    ROUND,
    /** {@code x < 0 ? e^x - 1 : x}. */
    ELU,
    /** {@code x * min(6, max(0, x + 3)) / 6}. */
    HARD_SWISH,
    /** -x. */
    NEG
  }

  /** The function of one value. */
  public static float apply(Function f, float x) {
    return switch (f) {
      case ABS -> Math.abs(x);
      case SQRT -> (float) Math.sqrt(x);
      case RSQRT -> 1f / (float) Math.sqrt(x);
      case EXP -> (float) Math.exp(x);
      case LOG -> (float) Math.log(x);
      case FLOOR -> (float) Math.floor(x);
      case ROUND -> roundToNearest(x);
      case ELU -> x < 0f ? (float) Math.expm1(x) : x;
      case HARD_SWISH -> x * Math.min(6f, Math.max(0f, x + 3f)) / 6f;
      case NEG -> -x;
    };
  }

  /** Applies {@code f} to every element. */
  public static void eval(Function f, float[] in, float[] out) {
    for (int i = 0; i < in.length; i++) {
      out[i] = apply(f, in[i]);
    }
  }

  private static float roundToNearest(float x) {
    float floor = (float) Math.floor(x);
    float diff = x - floor;
    if (diff < 0.5f || (diff == 0.5f && ((int) floor) % 2 == 0)) {
      return floor;
    }
    return floor + 1f;
  }
}
