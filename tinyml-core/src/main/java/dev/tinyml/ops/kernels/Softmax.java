package dev.tinyml.ops.kernels;

/**
 * SOFTMAX along the last axis: float32, int8 to int8 (output scale 1/256, zero point -128) and int8
 * to int16 (scale 1/65536, zero point -32768), as TFLM's reference {@code Softmax}: differences to
 * the row maximum are rescaled into Q5.26, exponentiated with gemmlowp's {@code
 * exp_on_negative_values}, summed in Q12.19 and normalised with {@code GetReciprocal}.
 */
public final class Softmax {

  private Softmax() {}

  private static final int SCALED_DIFF_INTEGER_BITS = 5;
  private static final int ACCUMULATION_INTEGER_BITS = 12;

  /**
   * Parameters.
   *
   * @param rows product of all but the last dimension
   * @param depth last dimension
   * @param beta the op's beta (float path)
   * @param inputMultiplier {@code PreprocessSoftmaxScaling} significand (integer path)
   * @param inputLeftShift its exponent
   * @param diffMin differences below this give exp = 0
   */
  public record Plan(
      int rows, int depth, float beta, int inputMultiplier, int inputLeftShift, int diffMin) {}

  /** Float plan. */
  public static Plan prepareFloat(int elements, int depth, float beta) {
    return new Plan(elements / depth, depth, beta, 0, 0, 0);
  }

  /** Integer plan for an int8 input of the given scale. */
  public static Plan prepareInt8(int elements, int depth, float beta, float inputScale) {
    FixedPoint.Multiplier m =
        FixedPoint.preprocessSoftmaxScaling(beta, inputScale, SCALED_DIFF_INTEGER_BITS);
    int diffMin = -FixedPoint.calculateInputRadius(SCALED_DIFF_INTEGER_BITS, m.shift(), 31);
    return new Plan(elements / depth, depth, beta, m.multiplier(), m.shift(), diffMin);
  }

  /** Float eval: {@code exp((x - max) * beta)} in float, divided by the float sum. */
  public static void evalFloat(Plan p, float[] in, float[] out) {
    int depth = p.depth();
    for (int r = 0; r < p.rows(); r++) {
      int base = r * depth;
      float max = -Float.MAX_VALUE;
      for (int c = 0; c < depth; c++) {
        max = Math.max(max, in[base + c]);
      }
      float sum = 0f;
      for (int c = 0; c < depth; c++) {
        float e = (float) Math.exp((in[base + c] - max) * p.beta());
        out[base + c] = e;
        sum += e;
      }
      for (int c = 0; c < depth; c++) {
        out[base + c] = out[base + c] / sum;
      }
    }
  }

  /** Int8 input, int8 output. */
  public static void evalInt8(Plan p, byte[] in, byte[] out) {
    evalQuantized(p, in, 8, (i, v) -> out[i] = (byte) FixedPoint.clampInt8(v));
  }

  /** Int8 input, int16 output. */
  public static void evalInt8ToInt16(Plan p, byte[] in, short[] out) {
    evalQuantized(p, in, 16, (i, v) -> out[i] = (short) FixedPoint.clampInt16(v));
  }

  /**
   * The integer path into an output of {@code outputBits} (scale {@code 2^-outputBits}, zero point
   * {@code -2^(outputBits - 1)}); {@code out} saturates the values it stores.
   */
  private static void evalQuantized(Plan p, byte[] in, int outputBits, IntStore out) {
    int depth = p.depth();
    int zeroPoint = -(1 << (outputBits - 1));
    for (int r = 0; r < p.rows(); r++) {
      int base = r * depth;
      int max = rowMax(in, base, depth);
      int sum = sumOfExps(p, in, base, depth, max);
      int headroomPlusOne = Integer.numberOfLeadingZeros(sum);
      int exponent = ACCUMULATION_INTEGER_BITS - headroomPlusOne + 31 - outputBits;
      int scale = FixedPoint.oneOverOnePlusXForXIn01((sum << headroomPlusOne) - Integer.MIN_VALUE);
      for (int c = 0; c < depth; c++) {
        out.set(base + c, output(p, in[base + c] - max, scale, exponent) + zeroPoint);
      }
    }
  }

  private static int rowMax(byte[] in, int base, int depth) {
    int max = -128;
    for (int c = 0; c < depth; c++) {
      max = Math.max(max, in[base + c]);
    }
    return max;
  }

  private static int expOfDiff(Plan p, int diff) {
    int rescaled =
        FixedPoint.multiplyByQuantizedMultiplierGreaterThanOne(
            diff, p.inputMultiplier(), p.inputLeftShift());
    return FixedPoint.expOnNegativeValues(rescaled, SCALED_DIFF_INTEGER_BITS);
  }

  /** Sum of the row's exponentials in Q12 (each term rescaled from Q0 with rounding). */
  private static int sumOfExps(Plan p, byte[] in, int base, int depth, int max) {
    int sum = 0;
    for (int c = 0; c < depth; c++) {
      int diff = in[base + c] - max;
      if (diff >= p.diffMin()) {
        sum += FixedPoint.roundingDivideByPot(expOfDiff(p, diff), ACCUMULATION_INTEGER_BITS);
      }
    }
    return sum;
  }

  /** The unsaturated, unshifted output for one element: {@code exp(diff) / sum} in output units. */
  private static int output(Plan p, int diff, int shiftedScale, int exponent) {
    if (diff < p.diffMin()) {
      return 0;
    }
    int prod = FixedPoint.saturatingRoundingDoublingHighMul(shiftedScale, expOfDiff(p, diff));
    return FixedPoint.roundingDivideByPot(prod, exponent);
  }
}
