package dev.tinyml.ops;

import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;

/** Reading constant operands and checking planned shapes, for the op classes of this package. */
final class OpInputs {

  private OpInputs() {}

  /** Input {@code i} as int values, {@code what} it is; it must be an INT32 or INT64 constant. */
  static int[] constantInts(OpContext c, int i, String what) {
    Object v = c.requireConstant(i, what);
    if (v instanceof int[] a) {
      return a;
    }
    if (v instanceof long[] l) {
      int[] a = new int[l.length];
      for (int k = 0; k < l.length; k++) {
        if (l[k] < Integer.MIN_VALUE || l[k] > Integer.MAX_VALUE) {
          throw c.fail(what + " value " + l[k] + " is out of the int32 range");
        }
        a[k] = (int) l[k];
      }
      return a;
    }
    throw c.fail(what + " (input " + i + ") must be an INT32 or INT64 constant");
  }

  /** The single int value of constant input {@code i}. */
  static int constantInt(OpContext c, int i, String what) {
    int[] a = constantInts(c, i, what);
    if (a.length != 1) {
      throw c.fail(what + " (input " + i + ") must hold one value, has " + a.length);
    }
    return a[0];
  }

  /** Fails unless {@code out} holds exactly the {@code expected} shape's element count. */
  static void requireOutput(OpContext c, Tensor out, int[] expected) {
    int n = 1;
    for (int d : expected) {
      n *= d;
    }
    if (out.elementCount() != n) {
      throw c.fail(
          "output "
              + OpContext.describe(out)
              + " does not have the "
              + n
              + " elements of the computed shape "
              + java.util.Arrays.toString(expected));
    }
  }

  /** Fails unless input and output have one element type. */
  static void requireSameType(OpContext c, Tensor in, Tensor out) {
    if (in.type() != out.type()) {
      throw c.unsupportedTypes();
    }
  }

  /** True for the element types whose tensors hold quantized values here. */
  static boolean quantized(TensorType t) {
    return t == TensorType.INT8 || t == TensorType.INT16;
  }
}
