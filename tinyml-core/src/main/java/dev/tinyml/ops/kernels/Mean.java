package dev.tinyml.ops.kernels;

/**
 * MEAN over a set of axes, float32 and int8. Float sums in input order and divides by the count;
 * int8 sums in int32, subtracts {@code zp * count}, and folds the division into the rescaling
 * multiplier as TFLM's {@code QuantizedMeanOrSum} does.
 */
public final class Mean {

  private Mean() {}

  /**
   * Parameters.
   *
   * @param outputIndex for every input element, the output element it accumulates into
   * @param outputSize output element count
   * @param count input elements per output element
   * @param inputZeroPoint input zero point
   * @param outputZeroPoint output zero point
   * @param multiplier rescaling significand with the division folded in
   * @param shift its exponent
   */
  public record Plan(
      int[] outputIndex,
      int outputSize,
      int count,
      int inputZeroPoint,
      int outputZeroPoint,
      int multiplier,
      int shift) {}

  /**
   * Builds a plan. Negative axes count from the end; repeated axes count once.
   *
   * @param inputScale ignored for float
   */
  public static Plan prepare(
      int[] inputShape,
      int[] axes,
      float inputScale,
      int inputZeroPoint,
      float outputScale,
      int outputZeroPoint,
      boolean quantized) {
    int rank = inputShape.length;
    boolean[] reduced = new boolean[rank];
    for (int a : axes) {
      int ax = a < 0 ? a + rank : a;
      if (ax < 0 || ax >= rank) {
        throw new IllegalArgumentException("axis " + a + " is outside rank " + rank);
      }
      reduced[ax] = true;
    }
    // Each input element's output index: row-major over the kept axes, 0 steps on reduced ones.
    int outSize = 1;
    int count = 1;
    int[] step = new int[rank];
    for (int i = rank - 1; i >= 0; i--) {
      if (reduced[i]) {
        count *= inputShape[i];
      } else {
        step[i] = outSize;
        outSize *= inputShape[i];
      }
    }
    int[] index = Shapes.offsets(inputShape, 0, step);
    int multiplier = 0;
    int shift = 0;
    if (quantized) {
      FixedPoint.Multiplier m =
          FixedPoint.quantizeMultiplier((double) inputScale / (double) outputScale);
      multiplier = m.multiplier();
      shift = m.shift();
      if (count > 0) {
        int s = 63 - Long.numberOfLeadingZeros(count);
        s = Math.min(s, 32);
        s = Math.min(s, 31 + shift);
        multiplier = (int) (((long) multiplier << s) / count);
        shift = shift - s;
      }
    }
    return new Plan(index, outSize, count, inputZeroPoint, outputZeroPoint, multiplier, shift);
  }

  /** Float eval (the output doubles as the accumulator). */
  public static void evalFloat(Plan p, float[] in, float[] out) {
    java.util.Arrays.fill(out, 0, p.outputSize(), 0f);
    int[] idx = p.outputIndex();
    for (int e = 0; e < idx.length; e++) {
      out[idx[e]] += in[e];
    }
    if (p.count() > 0) {
      float n = (float) p.count();
      for (int o = 0; o < p.outputSize(); o++) {
        out[o] = out[o] / n;
      }
    }
  }

  /** Int8 eval; {@code sum} is a scratch of {@code outputSize} ints. */
  public static void evalInt8(Plan p, byte[] in, byte[] out, int[] sum) {
    java.util.Arrays.fill(sum, 0, p.outputSize(), 0);
    int[] idx = p.outputIndex();
    for (int e = 0; e < idx.length; e++) {
      sum[idx[e]] += in[e];
    }
    for (int o = 0; o < p.outputSize(); o++) {
      int shifted = sum[o] - p.inputZeroPoint() * p.count();
      int v =
          FixedPoint.multiplyByQuantizedMultiplier(shifted, p.multiplier(), p.shift())
              + p.outputZeroPoint();
      out[o] = (byte) FixedPoint.clampInt8(v);
    }
  }
}
