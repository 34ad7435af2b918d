package dev.tinyml.ops;

import dev.tinyml.tflite.Tensor;
import java.util.function.IntFunction;

/**
 * The tensor lists of ops with a variable number of inputs or outputs (SPLIT's pieces, PACK's
 * inputs): checking the outputs at prepare, gathering the arrays at eval.
 */
final class TensorLists {

  private TensorLists() {}

  /**
   * The tensor indices of the op's outputs, each checked to have {@code like}'s element type and
   * the element count of {@code shape.apply(k)}.
   */
  static int[] outputs(OpContext c, Tensor like, IntFunction<int[]> shape) {
    int[] outs = new int[c.operator().outputs().length];
    for (int k = 0; k < outs.length; k++) {
      Tensor out = c.output(k);
      OpInputs.requireSameType(c, like, out);
      OpInputs.requireOutput(c, out, shape.apply(k));
      outs[k] = c.out(k);
    }
    return outs;
  }

  /** The arrays of the tensors {@code indices} names. */
  static Object[] arrays(Object[] tensors, int[] indices) {
    Object[] a = new Object[indices.length];
    for (int k = 0; k < a.length; k++) {
      a[k] = tensors[indices[k]];
    }
    return a;
  }
}
