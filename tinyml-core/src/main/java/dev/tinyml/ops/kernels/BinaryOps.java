package dev.tinyml.ops.kernels;

/**
 * Element-wise binary ops with NumPy broadcasting that need no requantization: int32 ADD, SUB, MUL,
 * DIV (C++ truncating division), MINIMUM, MAXIMUM; float DIV, MINIMUM, MAXIMUM; int8 and int16
 * MINIMUM, MAXIMUM (TFLM compares the raw values).
 */
public final class BinaryOps {
  private BinaryOps() {}

  /** The operation. */
  public enum Op {
    /** {@code x + y} (int32 wraps). */
    ADD,
    /** {@code x - y} (int32 wraps). */
    SUB,
    /** {@code x * y} (int32 wraps). */
    MUL,
    /** {@code x / y}, truncating for integers. */
    DIV,
    /** The smaller. */
    MINIMUM,
    /** The larger. */
    MAXIMUM
  }

  /**
   * Int32 eval, clamped to {@code [min, max]}.
   *
   * @throws ArithmeticException on an integer division by zero
   */
  public static void evalInt32(Op op, Broadcast bc, int[] a, int[] b, int[] out, int min, int max) {
    for (int e = 0; e < bc.size(); e++) {
      int x = a[bc.i1(e)];
      int y = b[bc.i2(e)];
      int v =
          switch (op) {
            case ADD -> x + y;
            case SUB -> x - y;
            case MUL -> x * y;
            case DIV -> x / y;
            case MINIMUM -> Math.min(x, y);
            case MAXIMUM -> Math.max(x, y);
          };
      out[e] = Math.min(max, Math.max(min, v));
    }
  }

  /** Float DIV, MINIMUM or MAXIMUM, clamped to {@code [min, max]}. */
  public static void evalFloat(
      Op op, Broadcast bc, float[] a, float[] b, float[] out, float min, float max) {
    for (int e = 0; e < bc.size(); e++) {
      float x = a[bc.i1(e)];
      float y = b[bc.i2(e)];
      float v =
          switch (op) {
            case ADD -> x + y;
            case SUB -> x - y;
            case MUL -> x * y;
            case DIV -> x / y;
            // std::min/std::max on floats: the first operand unless the second compares beyond.
            case MINIMUM -> y < x ? y : x;
            case MAXIMUM -> x < y ? y : x;
          };
      out[e] = Activation.clamp(v, min, max);
    }
  }

  /** Int8 MINIMUM or MAXIMUM on raw values. */
  public static void evalInt8(Op op, Broadcast bc, byte[] a, byte[] b, byte[] out) {
    for (int e = 0; e < bc.size(); e++) {
      byte x = a[bc.i1(e)];
      byte y = b[bc.i2(e)];
      out[e] = op == Op.MINIMUM ? (y < x ? y : x) : (x < y ? y : x);
    }
  }

  /** Int16 MINIMUM or MAXIMUM on raw values. */
  public static void evalInt16(Op op, Broadcast bc, short[] a, short[] b, short[] out) {
    for (int e = 0; e < bc.size(); e++) {
      short x = a[bc.i1(e)];
      short y = b[bc.i2(e)];
      out[e] = op == Op.MINIMUM ? (y < x ? y : x) : (x < y ? y : x);
    }
  }
}
