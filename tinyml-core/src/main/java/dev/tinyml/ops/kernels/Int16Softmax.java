package dev.tinyml.ops.kernels;

/**
 * TFLM's int16 SOFTMAX ({@code SoftmaxInt16}): input zero point 0, output Q0.15. Differences to the
 * row maximum are rescaled so that [-65535, 0] spans [-10, 0], recentred to int16 and looked up in
 * an interpolated 513-entry exp table; the sum's reciprocal comes from a second table of 1/(1+x).
 * Both tables are the ones TFLM's prepare fills with {@code LUTPopulate<int16_t>} (computed in
 * float, with its midpoint-error bias), the same for every model, so they are built once.
 */
public final class Int16Softmax {

  private Int16Softmax() {}

  /** {@code LUTSize<int16_t>()}: 512 intervals indexed by the top 9 bits, plus an end point. */
  public static final int LUT_ENTRIES = 513;

  private static final int INT16_RANGE = 65535;

  /** exp on [-10, 0] into Q0.15 (output scale 2/65535). */
  private static final short[] EXP_LUT =
      populate(
          10.0f / INT16_RANGE, Short.MAX_VALUE, 2.0f / INT16_RANGE, 0, x -> (float) Math.exp(x));

  /** 1/(1+x) on [0, 1] into Q0.15. */
  private static final short[] ONE_OVER_ONE_PLUS_X_LUT =
      populate(1.0f / INT16_RANGE, Short.MIN_VALUE, 2.0f / INT16_RANGE, 0, x -> 1.0f / (1.0f + x));

  /** A function of a float computed in float, as the C++ lambdas over float are. */
  @FunctionalInterface
  interface FloatFunction {
    float apply(float x);
  }

  /**
   * Parameters.
   *
   * @param rows product of all but the last dimension
   * @param depth last dimension
   * @param inputMultiplier the significand of {@code scale * beta / (10 / 65535)}
   * @param inputShift its exponent
   */
  public record Plan(int rows, int depth, int inputMultiplier, int inputShift) {}

  /**
   * The plan for an int16 input of scale {@code inputScale}, as TFLM's {@code
   * CalculateSoftmaxParams}: the multiplier maps input differences of [-65535, 0] onto [-10, 0].
   */
  public static Plan prepare(int elements, int depth, float beta, float inputScale) {
    double rescale = (double) inputScale * (double) beta / (10.0 / 65535.0);
    FixedPoint.Multiplier m = FixedPoint.quantizeMultiplier(rescale);
    return new Plan(elements / depth, depth, m.multiplier(), m.shift());
  }

  /** The exp table (a copy, for tests and backends). */
  public static short[] expTable() {
    return EXP_LUT.clone();
  }

  /** The 1/(1+x) table (a copy, for tests and backends). */
  public static short[] oneOverOnePlusXTable() {
    return ONE_OVER_ONE_PLUS_X_LUT.clone();
  }

  /**
   * TFLite's {@code LUTPopulateInt16<float>}: 512 samples of {@code f} over the input range, each
   * lowered by half the error linear interpolation makes at the interval's midpoint, and the end
   * point. Every step is float arithmetic, as in the C++ template instantiated with float.
   */
  static short[] populate(
      float inputScale,
      int inputZeroPoint,
      float outputScale,
      int outputZeroPoint,
      FloatFunction f) {
    float inputMin = inputScale * (Short.MIN_VALUE - inputZeroPoint);
    float inputMax = inputScale * (Short.MAX_VALUE - inputZeroPoint);
    float outputMin = outputScale * (Short.MIN_VALUE - outputZeroPoint);
    float outputMax = outputScale * (Short.MAX_VALUE - outputZeroPoint);
    int steps = LUT_ENTRIES - 1;
    float step = (inputMax - inputMin) / steps;
    float halfStep = step / 2;
    float scalingInv = (float) (Short.MAX_VALUE - Short.MIN_VALUE + 1) / (outputMax - outputMin);
    short[] lut = new short[LUT_ENTRIES];
    for (int i = 0; i < steps; i++) {
      float val = f.apply(inputMin + i * step);
      float valMidpoint = f.apply(inputMin + i * step + halfStep);
      float valNext = f.apply(inputMin + (i + 1) * step);
      float sample = FixedPoint.roundHalfAway(val * scalingInv);
      float midpointInterp =
          FixedPoint.roundHalfAway(
              (valNext * scalingInv + FixedPoint.roundHalfAway(val * scalingInv)) / 2);
      float midpoint = FixedPoint.roundHalfAway(valMidpoint * scalingInv);
      float bias = FixedPoint.roundHalfAway((midpointInterp - midpoint) / 2);
      lut[i] = toInt16(sample - bias);
    }
    lut[steps] = toInt16(FixedPoint.roundHalfAway(f.apply(inputMax) * scalingInv));
    return lut;
  }

  private static short toInt16(float v) {
    return (short) Math.min(Math.max(v, Short.MIN_VALUE), Short.MAX_VALUE);
  }

  /**
   * TFLite's int16 {@code LUTLookup}: the top 9 bits pick the interval, the low 7 interpolate
   * (rounded).
   */
  static int lookup(int value, short[] lut) {
    int index = 256 + (value >> 7);
    int offset = value & 0x7f;
    int base = lut[index];
    short slope = (short) (lut[index + 1] - base);
    int delta = (slope * offset + 64) >> 7;
    return (short) (base + delta);
  }

  /** Softmax of each row of {@code in} into {@code out} (which first holds the exponentials). */
  public static void eval(Plan p, short[] in, short[] out) {
    int depth = p.depth();
    for (int r = 0; r < p.rows(); r++) {
      int base = r * depth;
      int max = Short.MIN_VALUE;
      for (int c = 0; c < depth; c++) {
        max = Math.max(max, in[base + c]);
      }
      int sum = 0;
      for (int c = 0; c < depth; c++) {
        int e = exp(p, in[base + c] - max);
        out[base + c] = (short) e;
        sum += e;
      }
      int headroomPlusOne = Integer.numberOfLeadingZeros(sum);
      int shiftedSum = (int) ((((long) sum << (headroomPlusOne - 1)) + (1 << 13)) >> 14);
      // 1/(1 + x) takes x = sum - 1, recentred from [0, 65535] to int16.
      int symShiftedSum = FixedPoint.clampInt16(shiftedSum - ((1 << 15) + (1 << 16)));
      long reciprocal = lookup(symShiftedSum, ONE_OVER_ONE_PLUS_X_LUT);
      int rightShift = 31 - headroomPlusOne;
      long round = 1L << (rightShift - 1);
      for (int c = 0; c < depth; c++) {
        int v = (int) ((out[base + c] * reciprocal + round) >> rightShift);
        out[base + c] = (short) Math.min(Math.max(v, 0), Short.MAX_VALUE);
      }
    }
  }

  /** {@code SoftMaxCalculateExp}: exp of a difference to the row maximum, in Q0.15. */
  private static int exp(Plan p, int diff) {
    int scaled =
        FixedPoint.multiplyByQuantizedMultiplier(diff, p.inputMultiplier(), p.inputShift());
    return lookup(FixedPoint.clampInt16(scaled + 32767), EXP_LUT);
  }
}
