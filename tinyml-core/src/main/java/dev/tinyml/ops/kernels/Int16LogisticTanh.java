package dev.tinyml.ops.kernels;

/**
 * The op-level int16 LOGISTIC and TANH of TFLM (zero points 0, output scale 2^-15): prepare turns
 * the input scale into the multiplier and left shift of {@link Int16Activations}' table
 * interpolation, as TFLM's {@code LogisticPrepare}/{@code TanhPrepare} do; eval runs that same
 * interpolation over {@code short} tensors.
 */
public final class Int16LogisticTanh {

  private Int16LogisticTanh() {}

  /** The table expects inputs in Q3.12 (scale 2^-12), times 3. */
  private static final int INPUT_INTEGER_BITS = 3;

  private static final int OUTPUT_FRACTIONAL_BITS = 15;

  /**
   * Parameters.
   *
   * @param inputMultiplier 0 for a power-of-two input scale the table takes directly, else the
   *     input scale times {@code 3 * 4096 * 2^inputLeftShift}, truncated
   * @param inputLeftShift the power of two the multiplier carries (a rounding right shift in eval)
   */
  public record Plan(int inputMultiplier, int inputLeftShift) {}

  /** LOGISTIC's plan; only a left shift of 0 counts as the power-of-two case. */
  public static Plan prepareLogistic(
      float inputScale, int inputZeroPoint, float outputScale, int outputZeroPoint) {
    return prepare(inputScale, inputZeroPoint, outputScale, outputZeroPoint, 0);
  }

  /** TANH's plan; left shifts 0 and 1 count as the power-of-two case. */
  public static Plan prepareTanh(
      float inputScale, int inputZeroPoint, float outputScale, int outputZeroPoint) {
    return prepare(inputScale, inputZeroPoint, outputScale, outputZeroPoint, 1);
  }

  private static Plan prepare(
      float inputScale,
      int inputZeroPoint,
      float outputScale,
      int outputZeroPoint,
      int maxPotShift) {
    if (inputZeroPoint != 0 || outputZeroPoint != 0) {
      throw new IllegalArgumentException(
          "int16 input and output need zero point 0, got "
              + inputZeroPoint
              + " and "
              + outputZeroPoint);
    }
    int[] outLog2 = new int[1];
    if (!checkedLog2(outputScale, outLog2) || outLog2[0] != -OUTPUT_FRACTIONAL_BITS) {
      throw new IllegalArgumentException(
          "int16 output scale must be 2^-15 (1/32768), got " + outputScale);
    }
    int[] inLog2 = new int[1];
    boolean pot = checkedLog2(inputScale, inLog2);
    int leftShift = (15 - INPUT_INTEGER_BITS) + inLog2[0];
    if (pot && leftShift >= 0 && leftShift <= maxPotShift) {
      return new Plan(0, leftShift);
    }
    // Rescale the input to 1/(3 * 4096): the table spans +-10.7 as +-2^17.
    double multiplier = (double) inputScale * 4096.0 * 3.0;
    leftShift = 0;
    while (multiplier <= 32767.0 / 2.0 && leftShift <= 30) {
      leftShift++;
      multiplier *= 2.0;
    }
    return new Plan((int) multiplier, leftShift);
  }

  /**
   * TFLite's {@code CheckedLog2}: the log2 rounded half away from zero (computed in float as {@code
   * log(x) * (1 / log(2))}), and whether x is within 1e-3 of that power of two in log space.
   */
  static boolean checkedLog2(float x, int[] log2) {
    float xLog2 = (float) Math.log(x) * (1.0f / (float) Math.log(2.0f));
    float rounded = FixedPoint.roundHalfAway(xLog2);
    log2[0] = (int) rounded;
    return Math.abs(xLog2 - rounded) < 1e-3f;
  }

  /** Int16 logistic; {@code scratch} holds at least {@code n} ints. */
  public static void logistic(Plan p, short[] in, short[] out, int n, int[] scratch) {
    widen(in, scratch, n);
    Int16Activations.logistic(p.inputMultiplier(), p.inputLeftShift(), scratch, 0, n);
    narrow(scratch, out, n);
  }

  /** Int16 tanh; {@code scratch} holds at least {@code n} ints. */
  public static void tanh(Plan p, short[] in, short[] out, int n, int[] scratch) {
    widen(in, scratch, n);
    Int16Activations.tanh(p.inputMultiplier(), p.inputLeftShift(), scratch, 0, scratch, 0, n);
    narrow(scratch, out, n);
  }

  private static void widen(short[] in, int[] to, int n) {
    for (int i = 0; i < n; i++) {
      to[i] = in[i];
    }
  }

  private static void narrow(int[] from, short[] out, int n) {
    for (int i = 0; i < n; i++) {
      out[i] = (short) from[i];
    }
  }
}
