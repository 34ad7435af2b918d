package dev.tinyml.ops.kernels;

/**
 * EQUAL, NOT_EQUAL, GREATER, GREATER_EQUAL, LESS and LESS_EQUAL with broadcasting, writing bool (0
 * or 1) bytes. Float, int32, int64 and bool compare raw values; int8 compares both inputs rescaled
 * to a common fixed-point scale (8-bit left shift, each input's scale as a multiplier) as TFLM
 * does, so inputs with different quantization compare by real value.
 */
public final class Comparisons {

  private Comparisons() {}

  /** The comparison. */
  public enum Op {
    /** {@code a == b}. */
    EQUAL,
    /** {@code a != b}. */
    NOT_EQUAL,
    /** {@code a > b}. */
    GREATER,
    /** {@code a >= b}. */
    GREATER_EQUAL,
    /** {@code a < b}. */
    LESS,
    /** {@code a <= b}. */
    LESS_EQUAL;

    boolean test(int c) {
      return switch (this) {
        case EQUAL -> c == 0;
        case NOT_EQUAL -> c != 0;
        case GREATER -> c > 0;
        case GREATER_EQUAL -> c >= 0;
        case LESS -> c < 0;
        case LESS_EQUAL -> c <= 0;
      };
    }
  }

  /**
   * A planned comparison.
   *
   * @param op the comparison
   * @param outputShape broadcast shape
   * @param index1 input-1 index per output element, null when no broadcast
   * @param index2 input-2 index per output element, null when no broadcast
   * @param input1 input 1's offset (minus its zero point) and scale (int8)
   * @param input2 input 2's offset and scale (int8)
   */
  public record Plan(
      Op op, int[] outputShape, int[] index1, int[] index2, Rescale input1, Rescale input2) {}

  private static final int LEFT_SHIFT = 8;

  /** Plans a comparison of raw values (float, int32, int64, bool). */
  public static Plan plan(Op op, int[] shape1, int[] shape2) {
    return plan(op, shape1, shape2, Rescale.NONE, Rescale.NONE);
  }

  private static Plan plan(Op op, int[] shape1, int[] shape2, Rescale input1, Rescale input2) {
    int[] out = Broadcasting.outputShape(shape1, shape2);
    return new Plan(
        op,
        out,
        Broadcasting.indices(out, shape1),
        Broadcasting.indices(out, shape2),
        input1,
        input2);
  }

  /**
   * Plans an int8 comparison.
   *
   * @throws IllegalArgumentException for a scale of 1 or more, which TFLM refuses here
   */
  public static Plan planInt8(
      Op op,
      int[] shape1,
      float scale1,
      int zeroPoint1,
      int[] shape2,
      float scale2,
      int zeroPoint2) {
    if (!(scale1 > 0f && scale1 < 1f && scale2 > 0f && scale2 < 1f)) {
      throw new IllegalArgumentException(
          "int8 comparison needs input scales in (0, 1), got " + scale1 + " and " + scale2);
    }
    return plan(
        op,
        shape1,
        shape2,
        Rescale.of(-zeroPoint1, (double) scale1),
        Rescale.of(-zeroPoint2, (double) scale2));
  }

  /** Float comparison ({@code NaN} compares unequal and unordered, as in C++). */
  public static void eval(Plan p, float[] a, float[] b, byte[] out) {
    for (int e = 0; e < out.length; e++) {
      float x = a[Broadcasting.at(p.index1(), e)];
      float y = b[Broadcasting.at(p.index2(), e)];
      boolean r =
          switch (p.op()) {
            case EQUAL -> x == y;
            case NOT_EQUAL -> x != y;
            case GREATER -> x > y;
            case GREATER_EQUAL -> x >= y;
            case LESS -> x < y;
            case LESS_EQUAL -> x <= y;
          };
      out[e] = (byte) (r ? 1 : 0);
    }
  }

  /** Int32 comparison. */
  public static void eval(Plan p, int[] a, int[] b, byte[] out) {
    for (int e = 0; e < out.length; e++) {
      int c = Integer.compare(a[Broadcasting.at(p.index1(), e)], b[Broadcasting.at(p.index2(), e)]);
      out[e] = (byte) (p.op().test(c) ? 1 : 0);
    }
  }

  /** Int64 comparison. */
  public static void eval(Plan p, long[] a, long[] b, byte[] out) {
    for (int e = 0; e < out.length; e++) {
      int c = Long.compare(a[Broadcasting.at(p.index1(), e)], b[Broadcasting.at(p.index2(), e)]);
      out[e] = (byte) (p.op().test(c) ? 1 : 0);
    }
  }

  /** Bool comparison (bytes 0/1; EQUAL and NOT_EQUAL are the ones TFLM offers). */
  public static void evalBool(Plan p, byte[] a, byte[] b, byte[] out) {
    for (int e = 0; e < out.length; e++) {
      int x = a[Broadcasting.at(p.index1(), e)] != 0 ? 1 : 0;
      int y = b[Broadcasting.at(p.index2(), e)] != 0 ? 1 : 0;
      out[e] = (byte) (p.op().test(Integer.compare(x, y)) ? 1 : 0);
    }
  }

  /** Int8 comparison by rescaled value. */
  public static void evalInt8(Plan p, byte[] a, byte[] b, byte[] out) {
    for (int e = 0; e < out.length; e++) {
      int sx = p.input1().input(a[Broadcasting.at(p.index1(), e)], LEFT_SHIFT);
      int sy = p.input2().input(b[Broadcasting.at(p.index2(), e)], LEFT_SHIFT);
      out[e] = (byte) (p.op().test(Integer.compare(sx, sy)) ? 1 : 0);
    }
  }
}
