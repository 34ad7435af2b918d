package dev.tinyml.ops;

import dev.tinyml.ops.kernels.Reduction;
import dev.tinyml.tflite.BuiltinOperator;
import dev.tinyml.tflite.Tensor;
import dev.tinyml.tflite.TensorType;

/**
 * What REDUCE_MAX and REDUCE_MIN share: float32, or int8 with the input's quantization on the
 * output, as TFLM requires (they pick input values, so the quantizer gives both one set).
 */
public abstract class ReduceExtremeOp extends ReduceOp {

  private final boolean max;

  /** The op for {@code builtin}: the largest value when {@code max}, else the smallest. */
  ReduceExtremeOp(BuiltinOperator builtin, String resolverMethod, boolean max) {
    super(builtin, resolverMethod);
    this.max = max;
  }

  @Override
  Reduction.Rescale rescale(OpContext c, Tensor in, Tensor out) {
    if (in.type() == TensorType.INT8) {
      if (c.scale(in) != c.scale(out) || c.zeroPoint(in) != c.zeroPoint(out)) {
        throw c.fail("int8 input and output need one scale and zero point, as TFLM requires");
      }
    } else if (in.type() != TensorType.FLOAT32) {
      throw c.unsupportedTypes();
    }
    return null;
  }

  @Override
  public OutputParams outputParams() {
    return OutputParams.SHARED_WITH_INPUT;
  }

  @Override
  void eval(Plan p, Object in, Object out) {
    if (in instanceof float[] f) {
      Reduction.extreme(p.kernel(), max, f, (float[]) out);
    } else {
      Reduction.extreme(p.kernel(), max, (byte[]) in, (byte[]) out);
    }
  }

  /** The input's shape and the axes, as int32 arrays. */
  @Override
  public int[] scratchRequests(OpNode node) {
    Tensor in = node.input(0);
    Tensor axis = node.input(1);
    if (in != null && axis != null) {
      return new int[] {4 * in.shape().length, 4 * Math.max(axis.elementCount(), 0)};
    }
    throw new IllegalArgumentException("lacks its input or axis; malformed model.");
  }
}
