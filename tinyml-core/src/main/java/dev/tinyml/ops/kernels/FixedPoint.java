package dev.tinyml.ops.kernels;

/**
 * The integer arithmetic of TensorFlow Lite Micro's reference kernels: quantized multipliers,
 * rounding shifts, and gemmlowp's fixed-point {@code exp}, {@code logistic} and {@code tanh}.
 *
 * <p>Every function reproduces TFLM's default build (double rounding, {@code
 * TFLITE_SINGLE_ROUNDING} off) bit for bit, including its wrap-around on overflow where the C++
 * code wraps. A fixed-point value in format {@code Qm} (m integer bits) is a raw {@code int} whose
 * real value is {@code raw / 2^(31 - m)}.
 */
public final class FixedPoint {

  private FixedPoint() {}

  /** A quantized multiplier: real value {@code multiplier / 2^31 * 2^shift}. */
  public record Multiplier(int multiplier, int shift) {}

  /** {@code std::round}: halves go away from zero. */
  public static double roundHalfAway(double x) {
    double a = Math.abs(x);
    double f = Math.floor(a);
    double r = (a - f >= 0.5) ? f + 1.0 : f;
    return Math.copySign(r, x);
  }

  /** {@code roundf}: halves go away from zero, in float. */
  public static float roundHalfAway(float x) {
    // floor(x + 0.5f) is wrong for 0.49999997f; compare the fraction instead.
    float a = Math.abs(x);
    float f = (float) Math.floor(a);
    float r = (a - f >= 0.5f) ? f + 1f : f;
    return Math.copySign(r, x);
  }

  /**
   * TFLite's {@code QuantizeMultiplier}: splits a positive real multiplier into a Q31 significand
   * in [2^30, 2^31) and a power-of-two exponent, rounding the significand half away from zero.
   */
  public static Multiplier quantizeMultiplier(double realMultiplier) {
    if (realMultiplier == 0.0) {
      return new Multiplier(0, 0);
    }
    int exponent = Math.getExponent(realMultiplier) + 1; // frexp: q in [0.5, 1)
    double q = realMultiplier / Math.scalb(1.0, exponent);
    if (Math.abs(q) < 0.5) { // subnormal input: normalise like frexp
      double nq = q;
      while (Math.abs(nq) < 0.5) {
        nq *= 2;
        exponent--;
      }
      q = nq;
    }
    long qFixed = (long) roundHalfAway(q * (1L << 31));
    if (qFixed == (1L << 31)) {
      qFixed /= 2;
      exponent++;
    }
    if (exponent < -31) {
      exponent = 0;
      qFixed = 0;
    }
    return new Multiplier((int) qFixed, exponent);
  }

  /** The significand of {@code frexp(x)} scaled by 2^31 and rounded, without the 2^31 fix-up. */
  static Multiplier frexpMultiplier(double x) {
    int exponent = Math.getExponent(x) + 1;
    double q = x / Math.scalb(1.0, exponent);
    return new Multiplier((int) (long) roundHalfAway(q * (1L << 31)), exponent);
  }

  /** gemmlowp's {@code SaturatingRoundingDoublingHighMul} (ARM {@code VQRDMULH}). */
  public static int saturatingRoundingDoublingHighMul(int a, int b) {
    if (a == b && a == Integer.MIN_VALUE) {
      return Integer.MAX_VALUE;
    }
    long ab = (long) a * (long) b;
    long nudge = ab >= 0 ? (1L << 30) : (1L - (1L << 30));
    return (int) ((ab + nudge) / (1L << 31)); // Java long division truncates like C++
  }

  /**
   * gemmlowp's {@code RoundingDivideByPOT}: arithmetic right shift rounding half away from zero.
   */
  public static int roundingDivideByPot(int x, int exponent) {
    int mask = (int) ((1L << exponent) - 1);
    int remainder = x & mask;
    int threshold = (mask >> 1) + (x < 0 ? 1 : 0);
    return (x >> exponent) + (remainder > threshold ? 1 : 0);
  }

  /**
   * TFLite's {@code MultiplyByQuantizedMultiplier(int32_t, int32_t, int)}: {@code x * multiplier *
   * 2^shift / 2^31} with the left shift applied before and the right shift after the high
   * multiplication.
   */
  public static int multiplyByQuantizedMultiplier(int x, int multiplier, int shift) {
    int leftShift = shift > 0 ? shift : 0;
    int rightShift = shift > 0 ? 0 : -shift;
    return roundingDivideByPot(
        saturatingRoundingDoublingHighMul(x * (1 << leftShift), multiplier), rightShift);
  }

  /**
   * The same with the two shifts given separately ({@code leftShift >= 0}, {@code rightShift >=
   * 0}).
   */
  public static int multiplyByQuantizedMultiplier(
      int x, int multiplier, int leftShift, int rightShift) {
    return roundingDivideByPot(
        saturatingRoundingDoublingHighMul(x * (1 << leftShift), multiplier), rightShift);
  }

  /** TFLite's {@code MultiplyByQuantizedMultiplierSmallerThanOneExp} ({@code shift <= 0}). */
  public static int multiplyByQuantizedMultiplierSmallerThanOneExp(
      int x, int multiplier, int shift) {
    return roundingDivideByPot(saturatingRoundingDoublingHighMul(x, multiplier), -shift);
  }

  /** TFLite's {@code MultiplyByQuantizedMultiplierGreaterThanOne} ({@code shift >= 0}). */
  public static int multiplyByQuantizedMultiplierGreaterThanOne(int x, int multiplier, int shift) {
    return saturatingRoundingDoublingHighMul(x * (1 << shift), multiplier);
  }

  /**
   * TFLite's 64-bit {@code MultiplyByQuantizedMultiplier(int64_t, int32_t, int)}, used by the int16
   * kernels: the multiplier is reduced to 16 bits and one rounding shift is applied.
   */
  public static int multiplyByQuantizedMultiplier(long x, int multiplier, int shift) {
    long reduced = multiplier < 0x7FFF0000 ? ((multiplier + (1 << 15)) >> 16) : 0x7FFF;
    int totalShift = 15 - shift;
    long r = x * reduced + (1L << (totalShift - 1));
    return (int) (r >> totalShift);
  }

  /** gemmlowp's {@code SaturatingRoundingMultiplyByPOT} for a run-time exponent. */
  public static int saturatingRoundingMultiplyByPot(int x, int exponent) {
    if (exponent == 0) {
      return x;
    }
    if (exponent < 0) {
      return roundingDivideByPot(x, -exponent);
    }
    int threshold = (1 << (31 - exponent)) - 1;
    if (x > threshold) {
      return Integer.MAX_VALUE;
    }
    if (x < -threshold) {
      return Integer.MIN_VALUE;
    }
    return x << exponent;
  }

  /** gemmlowp's {@code RoundingHalfSum}. */
  static int roundingHalfSum(int a, int b) {
    long sum = (long) a + (long) b;
    long sign = sum >= 0 ? 1 : -1;
    return (int) ((sum + sign) / 2);
  }

  private static int mul(int a, int b) {
    return saturatingRoundingDoublingHighMul(a, b);
  }

  /** exp(x) for x in [-1/4, 0), Q0 in and out. */
  static int expOnIntervalBetweenNegativeOneQuarterAnd0Excl(int a) {
    final int constantTerm = 1895147668; // exp(-1/8)
    final int constantOneOver3 = 715827883;
    int x = a + (1 << 28);
    int x2 = mul(x, x);
    int x3 = mul(x2, x);
    int x4 = mul(x2, x2);
    int x4Over4 = roundingDivideByPot(x4, 2);
    int poly = roundingDivideByPot(mul(x4Over4 + x3, constantOneOver3) + x2, 1);
    return constantTerm + mul(constantTerm, x + poly);
  }

  private static final int[] EXP_BARREL = {
    1672461947, 1302514674, 790015084, 290630308, 39332535, 720401, 242
  };

  /**
   * gemmlowp's {@code exp_on_negative_values}: exp of a non-positive value in Q{@code integerBits},
   * result in Q0.
   */
  public static int expOnNegativeValues(int a, int integerBits) {
    int fractionalBits = 31 - integerBits;
    int oneQuarter = 1 << (fractionalBits - 2);
    int mask = oneQuarter - 1;
    int aModQuarterMinusOneQuarter = (a & mask) - oneQuarter;
    int result =
        expOnIntervalBetweenNegativeOneQuarterAnd0Excl(
            saturatingRoundingMultiplyByPot(aModQuarterMinusOneQuarter, integerBits));
    int remainder = aModQuarterMinusOneQuarter - a;
    for (int e = -2; e <= 4; e++) {
      if (integerBits > e) {
        int shiftAmount = fractionalBits + e;
        if ((remainder & (1 << shiftAmount)) != 0) {
          result = mul(result, EXP_BARREL[e + 2]);
        }
      }
    }
    if (integerBits > 5) {
      int clamp = -(1 << (36 - integerBits));
      if (a < clamp) {
        result = 0;
      }
    }
    if (a == 0) {
      result = Integer.MAX_VALUE;
    }
    return result;
  }

  private static final int F2_ONE = 1 << 29;

  private static int newtonRaphsonReciprocal(int halfDenominator) {
    final int constant48Over17 = 1515870810;
    final int constantNeg32Over17 = -1010580540;
    int x = constant48Over17 + mul(halfDenominator, constantNeg32Over17);
    for (int i = 0; i < 3; i++) {
      int halfDenominatorTimesX = mul(halfDenominator, x);
      int oneMinus = F2_ONE - halfDenominatorTimesX;
      x = x + saturatingRoundingMultiplyByPot(mul(x, oneMinus), 2);
    }
    return x;
  }

  /** gemmlowp's {@code one_over_one_plus_x_for_x_in_0_1}: Q0 in and out. */
  public static int oneOverOnePlusXForXIn01(int a) {
    int halfDenominator = roundingHalfSum(a, Integer.MAX_VALUE);
    int x = newtonRaphsonReciprocal(halfDenominator);
    return saturatingRoundingMultiplyByPot(x, 1); // ExactMulByPot<-1> then Rescale<0> from Q1
  }

  /** gemmlowp's {@code one_minus_x_over_one_plus_x_for_x_in_0_1}: Q0 in and out. */
  static int oneMinusXOverOnePlusXForXIn01(int a) {
    int halfDenominator = roundingHalfSum(a, Integer.MAX_VALUE);
    int x = newtonRaphsonReciprocal(halfDenominator);
    return saturatingRoundingMultiplyByPot(x - F2_ONE, 2);
  }

  /** gemmlowp's {@code logistic}: input in Q{@code integerBits}, result in Q0. */
  public static int logistic(int a, int integerBits) {
    if (a == 0) {
      return 1 << 30;
    }
    boolean positive = a > 0;
    int abs = positive ? a : -a;
    int resultIfPositive = oneOverOnePlusXForXIn01(expOnNegativeValues(-abs, integerBits));
    return positive ? resultIfPositive : Integer.MAX_VALUE - resultIfPositive;
  }

  /** gemmlowp's {@code tanh}: input in Q{@code integerBits}, result in Q0. */
  public static int tanh(int a, int integerBits) {
    if (a == 0) {
      return 0;
    }
    boolean negative = a < 0;
    int n = negative ? a : -a;
    // ExactMulByPot<1>: same raw value read with one more integer bit, i.e. doubled.
    int t = oneMinusXOverOnePlusXForXIn01(expOnNegativeValues(n, integerBits + 1));
    return negative ? -t : t;
  }

  /**
   * TFLite's {@code GetReciprocal}: 1 / x for x in Q{@code integerDigits}; returns the Q0 scale and
   * stores the number of bits over unit in {@code numBitsOverUnit[0]}.
   */
  public static int getReciprocal(int x, int integerDigits, int[] numBitsOverUnit) {
    int headroomPlusOne = Integer.numberOfLeadingZeros(x);
    numBitsOverUnit[0] = integerDigits - headroomPlusOne;
    int shiftedSumMinusOne = (x << headroomPlusOne) - Integer.MIN_VALUE;
    return oneOverOnePlusXForXIn01(shiftedSumMinusOne);
  }

  /** TFLite's {@code CalculateInputRadius}. */
  public static int calculateInputRadius(
      int inputIntegerBits, int inputLeftShift, int totalSignedBits) {
    double maxInputRescaled =
        1.0
            * ((1 << inputIntegerBits) - 1)
            * (double) (1L << (totalSignedBits - inputIntegerBits))
            / (double) (1L << inputLeftShift);
    return (int) Math.floor(maxInputRescaled);
  }

  /**
   * TFLite's {@code PreprocessSoftmaxScaling}: the multiplier that rescales input differences into
   * Q{@code inputIntegerBits}, capped at 2^31 - 1.
   */
  public static Multiplier preprocessSoftmaxScaling(
      double beta, double inputScale, int inputIntegerBits) {
    double real =
        Math.min(beta * inputScale * (double) (1 << (31 - inputIntegerBits)), (1L << 31) - 1.0);
    return quantizeMultiplier(real);
  }

  /**
   * The first step of TFLM's two-input integer ops (ADD, SUB, SQUARED_DIFFERENCE, comparisons):
   * {@code (offset + x) << leftShift}, scaled by a multiplier below one.
   */
  public static int rescaleInput(int offset, int x, int leftShift, int multiplier, int shift) {
    return multiplyByQuantizedMultiplierSmallerThanOneExp(
        (offset + x) * (1 << leftShift), multiplier, shift);
  }

  /** Saturating cast of an int to the int8 range. */
  public static int clampInt8(int v) {
    return v < -128 ? -128 : (v > 127 ? 127 : v);
  }

  /** Saturating cast of an int to the int16 range. */
  public static int clampInt16(int v) {
    return v < -32768 ? -32768 : (v > 32767 ? 32767 : v);
  }
}
