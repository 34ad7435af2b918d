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
   * @param input1Offset minus input-1 zero point
   * @param input2Offset minus input-2 zero point
   * @param outputOffset output zero point
   * @param leftShift the inputs' pre-shift
   * @param input1Multiplier input-1 significand
   * @param input1Shift its exponent
   * @param input2Multiplier input-2 significand
   * @param input2Shift its exponent
   * @param outputMultiplier output significand
   * @param outputShift its exponent
   */
  public record Plan(
      int[] outputShape,
      int[] index1,
      int[] index2,
      int input1Offset,
      int input2Offset,
      int outputOffset,
      int leftShift,
      int input1Multiplier,
      int input1Shift,
      int input2Multiplier,
      int input2Shift,
      int outputMultiplier,
      int outputShift) {}

  /** Plans the float or int32 op (no quantization). */
  public static Plan plan(int[] shape1, int[] shape2) {
    int[] out = Broadcasting.outputShape(shape1, shape2);
    return new Plan(
        out,
        Broadcasting.indices(out, shape1),
        Broadcasting.indices(out, shape2),
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
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
    FixedPoint.Multiplier m1 = FixedPoint.quantizeMultiplier((double) scale1 / twiceMax);
    FixedPoint.Multiplier m2 = FixedPoint.quantizeMultiplier((double) scale2 / twiceMax);
    double outDenominator = (double) ((float) (1 << (leftShift * 2)) * outScale);
    FixedPoint.Multiplier mo = FixedPoint.quantizeMultiplier(twiceMax * twiceMax / outDenominator);
    return new Plan(
        out,
        Broadcasting.indices(out, shape1),
        Broadcasting.indices(out, shape2),
        -zeroPoint1,
        -zeroPoint2,
        outZeroPoint,
        leftShift,
        m1.multiplier(),
        m1.shift(),
        m2.multiplier(),
        m2.shift(),
        mo.multiplier(),
        mo.shift());
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
    int diff =
        FixedPoint.rescaleInput(
                p.input1Offset(), x, p.leftShift(), p.input1Multiplier(), p.input1Shift())
            - FixedPoint.rescaleInput(
                p.input2Offset(), y, p.leftShift(), p.input2Multiplier(), p.input2Shift());
    int raw =
        FixedPoint.multiplyByQuantizedMultiplier(diff * diff, p.outputMultiplier(), p.outputShift())
            + p.outputOffset();
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
