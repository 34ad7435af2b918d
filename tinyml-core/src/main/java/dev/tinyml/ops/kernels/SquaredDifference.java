package dev.tinyml.ops.kernels;

import java.util.function.IntUnaryOperator;

/**
 * SQUARED_DIFFERENCE {@code (a - b)^2} with broadcasting: float, int32 (wrapping like C++), and
 * quantized as TFLM: both inputs are shifted left (7 bits for int8, none for int16), rescaled to
 * half the larger input scale, subtracted and squared, and the square is rescaled to the output.
 */
public final class SquaredDifference {

  private SquaredDifference() {}

  /**
   * A planned op.
   *
   * @param outputShape broadcast shape
   * @param index1 input-1 index per output element, null when no broadcast
   * @param index2 input-2 index per output element, null when no broadcast
   * @param input1 input 1's offset (minus its zero point) and multiplier
   * @param input2 input 2's offset and multiplier
   * @param output the output's zero point and multiplier
   * @param leftShift the inputs' pre-shift
   */
  public record Plan(
      int[] outputShape,
      int[] index1,
      int[] index2,
      Rescale input1,
      Rescale input2,
      Rescale output,
      int leftShift) {}

  /** Plans the float or int32 op (no quantization). */
  public static Plan plan(int[] shape1, int[] shape2) {
    int[] out = Broadcasting.outputShape(shape1, shape2);
    return new Plan(
        out,
        Broadcasting.indices(out, shape1),
        Broadcasting.indices(out, shape2),
        Rescale.NONE,
        Rescale.NONE,
        Rescale.NONE,
        0);
  }

  /** Plans the quantized op; {@code bits} is 8 or 16 (int16 needs zero points of 0). */
  public static Plan planQuantized(
      int[] shape1,
      float scale1,
      int zeroPoint1,
      int[] shape2,
      float scale2,
      int zeroPoint2,
      float outScale,
      int outZeroPoint,
      int bits) {
    int[] out = Broadcasting.outputShape(shape1, shape2);
    int leftShift = bits == 8 ? 7 : 0;
    double twiceMax = 2.0 * (double) Math.max(scale1, scale2);
    double outDenominator = (double) ((float) (1 << (leftShift * 2)) * outScale);
    return new Plan(
        out,
        Broadcasting.indices(out, shape1),
        Broadcasting.indices(out, shape2),
        Rescale.of(-zeroPoint1, (double) scale1 / twiceMax),
        Rescale.of(-zeroPoint2, (double) scale2 / twiceMax),
        Rescale.of(outZeroPoint, twiceMax * twiceMax / outDenominator),
        leftShift);
  }

  /** Float op. */
  public static void eval(Plan p, float[] a, float[] b, float[] out) {
    for (int e = 0; e < out.length; e++) {
      float d = a[Broadcasting.at(p.index1(), e)] - b[Broadcasting.at(p.index2(), e)];
      out[e] = d * d;
    }
  }

  /** Int32 op. */
  public static void eval(Plan p, int[] a, int[] b, int[] out) {
    for (int e = 0; e < out.length; e++) {
      int d = a[Broadcasting.at(p.index1(), e)] - b[Broadcasting.at(p.index2(), e)];
      out[e] = d * d;
    }
  }

  private static int quantized(Plan p, int x, int y, int min, int max) {
    int diff = p.input1().input(x, p.leftShift()) - p.input2().input(y, p.leftShift());
    Rescale o = p.output();
    int raw =
        FixedPoint.multiplyByQuantizedMultiplier(diff * diff, o.multiplier(), o.shift())
            + o.offset();
    return Math.min(max, Math.max(min, raw));
  }

  /** Int8 op. */
  public static void eval(Plan p, byte[] a, byte[] b, byte[] out) {
    evalQuantized(p, out.length, e -> a[e], e -> b[e], -128, 127, (e, v) -> out[e] = (byte) v);
  }

  /** Int16 op. */
  public static void eval(Plan p, short[] a, short[] b, short[] out) {
    evalQuantized(
        p,
        out.length,
        e -> a[e],
        e -> b[e],
        Short.MIN_VALUE,
        Short.MAX_VALUE,
        (e, v) -> out[e] = (short) v);
  }

  /**
   * The quantized loop for every element width: reads both broadcast inputs, stores the narrowed
   * result.
   */
  private static void evalQuantized(
      Plan p, int size, IntUnaryOperator a, IntUnaryOperator b, int min, int max, IntStore out) {
    for (int e = 0; e < size; e++) {
      int x = a.applyAsInt(Broadcasting.at(p.index1(), e));
      int y = b.applyAsInt(Broadcasting.at(p.index2(), e));
      out.set(e, quantized(p, x, y, min, max));
    }
  }
}
