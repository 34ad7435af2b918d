package dev.tinyml.ops.kernels;

import java.util.function.IntUnaryOperator;

/**
 * ADD, SUB and MUL with broadcasting, float32, int8 and int16 (ADD, MUL), as TFLM computes them.
 * Int8 ADD/SUB shift both inputs left by 20 bits (int16 ADD by 15), rescale each to twice the
 * larger input scale, combine, and rescale to the output; MUL multiplies the zero-point-corrected
 * inputs and applies one multiplier.
 */
public final class Arithmetic {

  private Arithmetic() {}

  /** The operation. */
  public enum Op {
    /** Sum. */
    ADD,
    /** Difference. */
    SUB,
    /** Product. */
    MUL
  }

  /**
   * Parameters.
   *
   * @param op which operation
   * @param broadcast index mapping
   * @param input1 input 1's offset (minus its zero point) and, for ADD/SUB, multiplier
   * @param input2 input 2's offset and, for ADD/SUB, multiplier
   * @param output the output's zero point and multiplier
   * @param leftShift ADD/SUB pre-shift (20 for int8, 15 for int16)
   * @param actMin quantized clamp low
   * @param actMax quantized clamp high
   * @param floatMin float clamp low
   * @param floatMax float clamp high
   */
  public record Plan(
      Op op,
      Broadcast broadcast,
      Rescale input1,
      Rescale input2,
      Rescale output,
      int leftShift,
      int actMin,
      int actMax,
      float floatMin,
      float floatMax) {}

  /** Float plan. */
  public static Plan prepareFloat(Op op, int[] shape1, int[] shape2, Activation act) {
    return new Plan(
        op,
        Broadcast.of(shape1, shape2),
        Rescale.NONE,
        Rescale.NONE,
        Rescale.NONE,
        0,
        0,
        0,
        act.floatMin(),
        act.floatMax());
  }

  /**
   * Int8 or int16 plan from the three tensors' scales and zero points. Int16 runs TFLM's general
   * int16 path for ADD and MUL: the int8 arithmetic with a pre-shift of 15 for ADD (TFLM ignores
   * {@code pot_scale_int16}) and an int16 clamp; its MUL needs zero points 0, as TFLM checks.
   *
   * @param int16 true for int16 tensors, false for int8
   * @throws IllegalArgumentException for int16 SUB, or an int16 MUL with a non-zero zero point
   */
  public static Plan prepareQuantized(
      Op op,
      int[] shape1,
      int[] shape2,
      float scale1,
      int zeroPoint1,
      float scale2,
      int zeroPoint2,
      float outputScale,
      int outputZeroPoint,
      Activation act,
      boolean int16) {
    if (int16 && op == Op.SUB) {
      throw new IllegalArgumentException("int16 SUB is not implemented; quantize it to int8");
    }
    if (int16 && op == Op.MUL && (zeroPoint1 != 0 || zeroPoint2 != 0 || outputZeroPoint != 0)) {
      throw new IllegalArgumentException(
          "int16 inputs and output need zero point 0, got "
              + zeroPoint1
              + ", "
              + zeroPoint2
              + " and "
              + outputZeroPoint);
    }
    int qmin = int16 ? Short.MIN_VALUE : Byte.MIN_VALUE;
    int qmax = int16 ? Short.MAX_VALUE : Byte.MAX_VALUE;
    int[] range = act.quantizedRange(outputScale, outputZeroPoint, qmin, qmax);
    Broadcast bc = Broadcast.of(shape1, shape2);
    if (op == Op.MUL) {
      return quantizedPlan(
          op,
          bc,
          new Rescale(-zeroPoint1, 0, 0),
          new Rescale(-zeroPoint2, 0, 0),
          Rescale.of(outputZeroPoint, (double) scale1 * (double) scale2 / (double) outputScale),
          0,
          range);
    }
    int leftShift = int16 ? 15 : 20;
    double real1;
    double real2;
    double realOut;
    if (op == Op.ADD) {
      double twiceMax = 2 * (double) Math.max(scale1, scale2);
      real1 = (double) scale1 / twiceMax;
      real2 = (double) scale2 / twiceMax;
      realOut = twiceMax / ((1 << leftShift) * (double) outputScale);
    } else {
      // SUB's prepare does the same divisions in float.
      float twiceMax = 2 * Math.max(scale1, scale2);
      real1 = (double) (scale1 / twiceMax);
      real2 = (double) (scale2 / twiceMax);
      realOut = (double) (twiceMax / ((1 << leftShift) * outputScale));
    }
    return quantizedPlan(
        op,
        bc,
        Rescale.of(-zeroPoint1, real1),
        Rescale.of(-zeroPoint2, real2),
        Rescale.of(outputZeroPoint, realOut),
        leftShift,
        range);
  }

  private static Plan quantizedPlan(
      Op op, Broadcast bc, Rescale in1, Rescale in2, Rescale out, int leftShift, int[] range) {
    return new Plan(op, bc, in1, in2, out, leftShift, range[0], range[1], 0f, 0f);
  }

  /** Float eval. */
  public static void evalFloat(Plan p, float[] a, float[] b, float[] out) {
    Broadcast bc = p.broadcast();
    for (int e = 0; e < bc.size(); e++) {
      float x = a[bc.i1(e)];
      float y = b[bc.i2(e)];
      float v =
          switch (p.op()) {
            case ADD -> x + y;
            case SUB -> x - y;
            case MUL -> x * y;
          };
      out[e] = Activation.clamp(v, p.floatMin(), p.floatMax());
    }
  }

  /** Int8 eval. */
  public static void evalInt8(Plan p, byte[] a, byte[] b, byte[] out) {
    evalQuantized(p, i -> a[i], i -> b[i], (e, v) -> out[e] = (byte) v);
  }

  /** Int16 eval (ADD and MUL). */
  public static void evalInt16(Plan p, short[] a, short[] b, short[] out) {
    evalQuantized(p, i -> a[i], i -> b[i], (e, v) -> out[e] = (short) v);
  }

  /** The quantized loop for both element widths: reads both broadcast inputs, stores the clamp. */
  private static void evalQuantized(Plan p, IntUnaryOperator a, IntUnaryOperator b, IntStore out) {
    Broadcast bc = p.broadcast();
    for (int e = 0; e < bc.size(); e++) {
      int x = a.applyAsInt(bc.i1(e));
      int y = b.applyAsInt(bc.i2(e));
      int v = p.op() == Op.MUL ? mul(p, x, y) : addSub(p, x, y);
      out.set(e, Math.min(p.actMax(), Math.max(p.actMin(), v)));
    }
  }

  /** One int8 or int16 ADD or SUB element before the clamp. */
  static int addSub(Plan p, int x, int y) {
    int scaled1 = p.input1().input(x, p.leftShift());
    int scaled2 = p.input2().input(y, p.leftShift());
    int raw = p.op() == Op.ADD ? scaled1 + scaled2 : scaled1 - scaled2;
    Rescale o = p.output();
    return FixedPoint.multiplyByQuantizedMultiplierSmallerThanOneExp(raw, o.multiplier(), o.shift())
        + o.offset();
  }

  /** One int8 or int16 MUL element before the clamp. */
  static int mul(Plan p, int x, int y) {
    Rescale o = p.output();
    return o.offset()
        + FixedPoint.multiplyByQuantizedMultiplier(
            (p.input1().offset() + x) * (p.input2().offset() + y), o.multiplier(), o.shift());
  }
}
